//! The customer portal's email links (PRODUCT.md F2): a sign-in link ("magic link") for a
//! customer who has an account, and the confirmation that creates one on sign-up. The link
//! is the proof that the reader owns the address, so it is a 256-bit secret stored only as
//! its SHA-256, works once, and expires. Whoever asks, the answer is the same — whether the
//! address has an account is told only to its owner, by email.

use accord_core::ids::{ContactId, OrganizationId, UserId};
use accord_core::language::Language;
use accord_core::people::{IdentityKind, Role, SignUp, normalize_identity};
use accord_core::validate::Checker;
use accord_i18n::{Arg, Tr};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::audit::record;
use crate::auth::{random_secret, secret_hash};
use crate::codec::{from_micros, to_micros};
use crate::db::Conn;
use crate::staff::{PRINCIPAL_COLUMNS, Principal, hash_password};
use crate::value::Json;
use crate::{Result, Store};

/// How long a sign-in link works.
pub const SIGN_IN_LINK_LIFETIME: SignedDuration = SignedDuration::from_mins(20);
/// How long a sign-up confirmation works.
pub const SIGN_UP_LINK_LIFETIME: SignedDuration = SignedDuration::from_hours(24);
/// Links sent to one address in an hour; more would make Accord a mail cannon.
pub const LINKS_PER_HOUR: i64 = 5;

/// What became of a request for a link. The web answers every case alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRequest {
    Sent,
    /// No active customer has the address (sign-in), or it belongs to staff.
    NotSent,
    /// The address had its hourly share of links already.
    Throttled,
}

/// What following a link did.
#[derive(Clone, Debug)]
pub enum Redeemed {
    SignedIn(Principal),
    Expired,
    Used,
    Unknown,
}

#[derive(Serialize, Deserialize)]
struct SignUpData {
    name: String,
    language: Language,
    password_hash: Option<String>,
}

const SIGN_IN: &str = "sign_in";
const SIGN_UP: &str = "sign_up";

fn link_url(public_url: &str, token: &str) -> String {
    format!("{}/login/link/{token}", public_url.trim_end_matches('/'))
}

/// The email carrying a link, in the reader's language.
fn letter(language: Language, name: &str, kind: &str, link: &str) -> crate::mail::Letter {
    let tr = Tr::new(language);
    let minutes = match kind {
        "signup" => SIGN_UP_LINK_LIFETIME.as_mins(),
        _ => SIGN_IN_LINK_LIFETIME.as_mins(),
    };
    let text = [
        tr.t1("portal-mail-greeting", "name", name),
        tr.args(
            &format!("portal-mail-{kind}-body"),
            &[("minutes", Arg::Number(minutes))],
        ),
        link.to_owned(),
        tr.t("portal-mail-ignore"),
    ]
    .join("\n\n");
    crate::mail::Letter {
        subject: tr.t(&format!("portal-mail-{kind}-subject")),
        text: format!("{text}\n"),
        language: language.code().to_owned(),
        recipient_name: Some(name.to_owned()),
        in_reply_to: None,
        references: Vec::new(),
        automatic: true,
    }
}

async fn throttled(c: &mut Conn<'_>, email: &str, now: Timestamp) -> Result<bool> {
    let hour_ago = now - SignedDuration::from_hours(1);
    let sent = c
        .fetch_one(
            "SELECT COUNT(*) FROM sign_in_links WHERE email = $1 AND created_at > $2",
            args![email, to_micros(hour_ago)],
        )
        .await?
        .i64(0)?;
    Ok(sent >= LINKS_PER_HOUR)
}

#[allow(clippy::too_many_arguments)]
async fn insert_link(
    store: &Store,
    c: &mut Conn<'_>,
    purpose: &str,
    email: &str,
    data: &impl Serialize,
    lifetime: SignedDuration,
    mail: (Language, &str, &str),
    public_url: &str,
    now: Timestamp,
) -> Result<()> {
    let token = random_secret();
    c.execute(
        "INSERT INTO sign_in_links (token_hash, purpose, email, data, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        args![secret_hash(&token), purpose, email, Json(data), to_micros(now + lifetime), to_micros(now)],
    )
    .await?;
    let (language, name, kind) = mail;
    let letter = letter(language, name, kind, &link_url(public_url, &token));
    crate::mail::enqueue(
        store,
        c,
        None,
        crate::mail::Purpose::Portal,
        email,
        &letter,
        now,
    )
    .await?;
    record(
        c,
        None,
        now,
        &format!("portal.{purpose}_link"),
        "email",
        Some(email.to_owned()),
        serde_json::json!({}),
    )
    .await
}

async fn active_user(c: &mut Conn<'_>, email: &str) -> Result<Option<Principal>> {
    let sql =
        format!("SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.email = $1 AND u.active = $2");
    c.fetch_optional(&sql, args![email, true])
        .await?
        .map(|mut r| Principal::from_row(&mut r))
        .transpose()
}

/// Whether a deactivated user has this address.
async fn deactivated(c: &mut Conn<'_>, email: &str) -> Result<bool> {
    Ok(c.fetch_optional(
        "SELECT id FROM users WHERE email = $1 AND active = $2",
        args![email, false],
    )
    .await?
    .is_some())
}

impl Store {
    /// Emails a sign-in link to the customer with this address, if there is one.
    pub async fn send_sign_in_link(
        &self,
        email: &str,
        public_url: &str,
        now: Timestamp,
    ) -> Result<LinkRequest> {
        let mut check = Checker::new();
        check.email("email", email);
        check.finish()?;
        let email = normalize_identity(IdentityKind::Email, email);
        let mut tx = self.write().await?;
        let Some(user) = active_user(&mut tx, &email).await? else {
            return Ok(LinkRequest::NotSent);
        };
        if user.role != Role::Customer {
            return Ok(LinkRequest::NotSent);
        }
        if throttled(&mut tx, &email, now).await? {
            return Ok(LinkRequest::Throttled);
        }
        let mail = (user.language, user.name.as_str(), "signin");
        insert_link(
            self,
            &mut tx,
            SIGN_IN,
            &email,
            &serde_json::json!({}),
            SIGN_IN_LINK_LIFETIME,
            mail,
            public_url,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(LinkRequest::Sent)
    }

    /// Starts a customer's sign-up: emails the link that confirms the address and creates
    /// the account. An address that has a customer account already gets a sign-in link.
    pub async fn sign_up(
        &self,
        input: &SignUp,
        public_url: &str,
        now: Timestamp,
    ) -> Result<LinkRequest> {
        input.validate()?;
        let email = normalize_identity(IdentityKind::Email, &input.email);
        let password_hash = match &input.password {
            Some(p) => Some(hash_password(p.clone()).await?),
            None => None,
        };
        let mut tx = self.write().await?;
        let existing = active_user(&mut tx, &email).await?;
        if existing.as_ref().is_some_and(|u| u.role != Role::Customer)
            || (existing.is_none() && deactivated(&mut tx, &email).await?)
        {
            return Ok(LinkRequest::NotSent);
        }
        if throttled(&mut tx, &email, now).await? {
            return Ok(LinkRequest::Throttled);
        }
        let name = input.name.trim();
        match existing {
            Some(user) => {
                let mail = (user.language, user.name.as_str(), "exists");
                insert_link(
                    self,
                    &mut tx,
                    SIGN_IN,
                    &email,
                    &serde_json::json!({}),
                    SIGN_IN_LINK_LIFETIME,
                    mail,
                    public_url,
                    now,
                )
                .await?
            }
            None => {
                let data = SignUpData {
                    name: name.to_owned(),
                    language: input.language,
                    password_hash,
                };
                let mail = (input.language, name, "signup");
                insert_link(
                    self,
                    &mut tx,
                    SIGN_UP,
                    &email,
                    &data,
                    SIGN_UP_LINK_LIFETIME,
                    mail,
                    public_url,
                    now,
                )
                .await?
            }
        }
        tx.commit().await?;
        Ok(LinkRequest::Sent)
    }

    /// Follows a link once: signs in its customer, creating the account on a sign-up.
    pub async fn redeem_link(&self, token: &str, now: Timestamp) -> Result<Redeemed> {
        if token.len() > 100 {
            return Ok(Redeemed::Unknown);
        }
        let hash = secret_hash(token);
        let mut tx = self.write().await?;
        let Some(mut row) = tx
            .fetch_optional(
                "SELECT purpose, email, data, expires_at, used_at FROM sign_in_links WHERE token_hash = $1",
                args![hash.clone()],
            )
            .await?
        else {
            return Ok(Redeemed::Unknown);
        };
        let (purpose, email) = (row.text(0)?, row.text(1)?);
        if row.opt_i64(4)?.is_some() {
            return Ok(Redeemed::Used);
        }
        if from_micros(row.i64(3)?)? <= now {
            return Ok(Redeemed::Expired);
        }
        // Two clicks racing: only the one that marks it used goes on.
        let marked = tx
            .execute(
                "UPDATE sign_in_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
                args![to_micros(now), hash],
            )
            .await?;
        if marked != 1 {
            return Ok(Redeemed::Used);
        }
        let user = match active_user(&mut tx, &email).await? {
            Some(user) if user.role == Role::Customer => user,
            Some(_) => return Ok(Redeemed::Unknown),
            // A deactivated account keeps its address: signing up cannot bring it back.
            None if purpose == SIGN_UP && deactivated(&mut tx, &email).await? => {
                return Ok(Redeemed::Unknown);
            }
            None if purpose == SIGN_UP => {
                let data: SignUpData = row.json(2)?;
                let id = create_customer(&mut tx, &email, &data, now).await?;
                record(
                    &mut tx,
                    Some(id.0),
                    now,
                    "portal.sign_up",
                    "user",
                    Some(id.to_string()),
                    serde_json::json!({"email": email}),
                )
                .await?;
                active_user(&mut tx, &email)
                    .await?
                    .ok_or(crate::StoreError::not_found("user"))?
            }
            None => return Ok(Redeemed::Unknown),
        };
        tx.commit().await?;
        Ok(Redeemed::SignedIn(user))
    }
}

/// A customer account for a proven address: the contact who already has that address (and
/// so their organization), or a new contact of their own.
async fn create_customer(
    tx: &mut Conn<'_>,
    email: &str,
    data: &SignUpData,
    now: Timestamp,
) -> Result<UserId> {
    let known = tx
        .fetch_optional(
            "SELECT c.id, c.organization_id FROM contact_identities i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.kind = $1 AND i.value = $2",
            args![IdentityKind::Email.as_str(), email],
        )
        .await?;
    let (contact, organization) = match known {
        Some(mut r) => (ContactId(r.uuid(0)?), r.opt_uuid(1)?.map(OrganizationId)),
        None => {
            let contact = ContactId::new();
            tx.execute(
                "INSERT INTO contacts (id, name, organization_id, preferred_language, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
                args![contact.0, data.name.clone(), Option::<uuid::Uuid>::None, data.language.code(), to_micros(now)],
            )
            .await?;
            tx.execute(
                "INSERT INTO contact_identities (contact_id, kind, value, position) VALUES ($1, $2, $3, $4)",
                args![contact.0, IdentityKind::Email.as_str(), email, 0_i64],
            )
            .await?;
            (contact, None)
        }
    };
    let id = UserId::new();
    tx.execute(
        "INSERT INTO users (id, email, name, role, language, password_hash, organization_id, contact_id, active, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        args![
            id.0,
            email,
            data.name.clone(),
            Role::Customer.as_str(),
            data.language.code(),
            data.password_hash.clone(),
            organization.map(|o| o.0),
            contact.0,
            true,
            to_micros(now)
        ],
    )
    .await?;
    Ok(id)
}
