//! HTML from email is hostile until proven otherwise: scripts, forms, tracking pixels.
//! It is sanitized with ammonia when it is stored and again when it is shown; remote
//! images (which tell the sender that and when the message was read) stay blocked unless
//! the reader asks for them.

use std::borrow::Cow;

/// Sanitized HTML. With `remote_images` false, `<img>` keeps only embedded sources
/// (`cid:` parts and `data:` images); an image from the web loses its address.
pub fn sanitize(html: &str, remote_images: bool) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_url_schemes(["cid", "data"])
        .attribute_filter(move |element, attribute, value| {
            if element == "img" && attribute == "src" && !remote_images {
                let lower = value.trim_start().to_ascii_lowercase();
                if !(lower.starts_with("cid:") || lower.starts_with("data:image/")) {
                    return None;
                }
            }
            Some(Cow::Borrowed(value))
        });
    builder.clean(html).to_string()
}

/// Whether the HTML shows any image from the web (so the page can offer to load them).
pub fn has_remote_images(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.match_indices("<img").any(|(at, _)| {
        let tag = &lower[at..lower[at..].find('>').map_or(lower.len(), |end| at + end)];
        tag.contains("src=\"http") || tag.contains("src='http") || tag.contains("src=http")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_forms_are_removed() {
        let dirty = r#"<p onclick="steal()">Olá<script>alert(1)</script></p><form action="x"><input name=p></form><a href="javascript:alert(1)">x</a>"#;
        let clean = sanitize(dirty, true);
        assert!(clean.contains("Olá"));
        for bad in ["script", "onclick", "<form", "<input", "javascript:"] {
            assert!(!clean.contains(bad), "{bad} in {clean}");
        }
    }

    #[test]
    fn remote_images_are_blocked_unless_asked_for() {
        let html = r#"<p>Foto:</p><img src="https://tracker.example/p.gif" alt="t"><img src="cid:part1@x" alt="c">"#;
        assert!(has_remote_images(html));
        let blocked = sanitize(html, false);
        assert!(!blocked.contains("tracker.example"), "{blocked}");
        assert!(blocked.contains("cid:part1@x"), "{blocked}");
        let shown = sanitize(html, true);
        assert!(shown.contains("https://tracker.example/p.gif"));
        assert!(!has_remote_images("<p>Labdien</p><img src=\"cid:a\">"));
    }

    #[test]
    fn links_open_without_telling_the_sender_where_from() {
        let clean = sanitize(r#"<a href="https://example.com">x</a>"#, false);
        assert!(clean.contains("noreferrer"), "{clean}");
    }
}
