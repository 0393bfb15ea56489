//! One shape for every list of the API: a page `{items, next}`, asked for with `limit` (1 to
//! 500, default 50) and `cursor` (the `next` of the previous page), as `/cases` always did.
//!
//! A cursor is opaque to clients: the sort key of the last item of the page (base64url of
//! its JSON), so a page continues after that item even when items were added or removed
//! since — never an offset. Lists that can grow without bound (cases, contacts,
//! organizations, the audit log, notifications, held mail, escalations, clocks breaching
//! soon, tokens) are read a page at a time by the store; the others (a case's
//! conversation, history, links, attachments, clocks, agreements, deliveries and surveys;
//! staff, teams, policy versions; pending approvals…) are bounded by a case, a person or
//! the staff, are read whole, and are paged here by the same key.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::problem::{ApiError, ApiResult};

/// Items per page when the request does not say.
pub const DEFAULT_LIMIT: u32 = 50;
/// The most items per page; a larger `limit` is taken as this.
pub const MAX_LIMIT: u32 = 500;

/// A page of a list, in the list's order.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next: Option<String>,
}

/// The query of a list that takes nothing but the page.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1 to 500 (default 50; a larger value is taken as 500, 0 as 1).
    pub limit: Option<u32>,
    /// The `next` cursor of the previous page.
    pub cursor: Option<String>,
}

/// The page size a request asks for, within bounds.
pub fn limit(limit: Option<u32>) -> u32 {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

/// The cursor that continues after an item whose sort key is `key`.
pub fn encode<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

/// The sort key a cursor continues after; anything this API did not hand out is a 400.
pub fn decode<K: DeserializeOwned>(cursor: &str) -> ApiResult<K> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(invalid_cursor)
}

/// The cursor of a request, decoded.
pub fn after<K: DeserializeOwned>(cursor: Option<&str>) -> ApiResult<Option<K>> {
    cursor.map(decode).transpose()
}

pub fn invalid_cursor() -> ApiError {
    ApiError::bad_request("invalid_query", "cursor: not a cursor returned by this API")
}

impl<T> Page<T> {
    /// A page the store read after the cursor: `items` holds at most `limit` items; when it
    /// is full, `next` continues after its last item (the following page may be empty).
    pub fn read<K: Serialize>(items: Vec<T>, limit: u32, key: impl Fn(&T) -> K) -> Page<T> {
        let next = if items.len() >= limit as usize {
            items.last().map(|last| encode(&key(last)))
        } else {
            None
        };
        Page { items, next }
    }

    /// A page of a list read whole: sorted by `key` (the list's order; descending parts are
    /// wrapped in [`std::cmp::Reverse`], and the key ends with something unique), the
    /// `limit` items after `cursor`'s key. `next` is `null` when no item follows.
    pub fn of_all<K>(
        mut all: Vec<T>,
        limit: Option<u32>,
        cursor: Option<&str>,
        key: impl Fn(&T) -> K,
    ) -> ApiResult<Page<T>>
    where
        K: Ord + Serialize + DeserializeOwned,
    {
        let limit = self::limit(limit) as usize;
        let after: Option<K> = self::after(cursor)?;
        all.sort_by_cached_key(|item| key(item));
        let start = match &after {
            Some(after) => all.partition_point(|item| key(item) <= *after),
            None => 0,
        };
        let mut items: Vec<T> = all.into_iter().skip(start).take(limit + 1).collect();
        let next = if items.len() > limit {
            items.truncate(limit);
            items.last().map(|last| encode(&key(last)))
        } else {
            None
        };
        Ok(Page { items, next })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::cmp::Reverse;

    #[test]
    fn pages_of_a_whole_list_visit_every_item_once_in_order() {
        let all: Vec<i64> = (0..23).collect();
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let page =
                Page::of_all(all.clone(), Some(5), cursor.as_deref(), |n| Reverse(*n)).unwrap();
            assert!(page.items.len() <= 5);
            seen.extend(page.items);
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        let expected: Vec<i64> = (0..23).rev().collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_cursor_survives_the_removal_of_the_item_it_points_after() {
        let page = Page::of_all(vec![1, 2, 3, 4], Some(2), None, |n| *n).unwrap();
        assert_eq!(page.items, [1, 2]);
        let next = page.next.unwrap();
        let page = Page::of_all(vec![1, 3, 4], Some(2), Some(&next), |n| *n).unwrap();
        assert_eq!((page.items, page.next), (vec![3, 4], None));
    }

    #[test]
    fn foreign_cursors_are_refused_and_limits_bounded() {
        for bad in ["", "not base64!", "bm90IGpzb24", "WyJhIl0"] {
            let result = Page::of_all(vec![1_i64], None, Some(bad), |n| *n);
            assert!(result.is_err(), "{bad:?} was accepted");
        }
        assert_eq!(
            (limit(None), limit(Some(0)), limit(Some(9999))),
            (50, 1, 500)
        );
        let full = Page::read(vec![1, 2], 2, |n: &i64| *n);
        assert_eq!(decode::<i64>(&full.next.unwrap()).unwrap(), 2);
        assert!(Page::read(vec![1], 2, |n: &i64| *n).next.is_none());
    }
}
