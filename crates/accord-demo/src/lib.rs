//! Realistic demo data in four languages (`accord demo`), and the same generator scaled
//! up to synthetic data sets for benchmarks (`--cases N`).
//!
//! Deterministic for a given seed, so a demo looks the same on every machine.

mod feedback;
mod scenarios;

use accord_core::access::Actor;
use accord_core::case::{CasePatch, CaseStatus, Channel, NewCase, Priority};
use accord_core::entry::{EntryKind, NewEntry};
use accord_core::ids::{ContactId, TeamId};
use accord_core::language::Language;
use accord_core::people::*;
use accord_store::cases::Created;
use accord_store::{Result, Store};
use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub use scenarios::Scenario;

/// Every demo account has this password; printed by `accord demo`.
pub const DEMO_PASSWORD: &str = "accord-demo";

#[derive(Clone, Debug)]
pub struct DemoOptions {
    pub cases: usize,
    pub seed: u64,
    /// Spread case creation over this many days before `now`.
    pub days: i64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            cases: 300,
            seed: 2026,
            days: 90,
        }
    }
}

/// A login printed for the person trying the demo.
#[derive(Clone, Debug)]
pub struct DemoLogin {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub language: Language,
}

#[derive(Debug, Default)]
pub struct DemoSummary {
    pub logins: Vec<DemoLogin>,
    pub organizations: usize,
    pub contacts: usize,
    pub cases: usize,
    pub entries: usize,
    pub survey_answers: usize,
}

struct OrgSeed {
    name: &'static str,
    language: Language,
    tier: Tier,
    revenue_minor: i64,
    currency: &'static str,
    since: &'static str,
    contract: &'static str,
    billing: &'static str,
    domain: &'static str,
    promises: &'static [(ExpectationKind, &'static str)],
    responsibilities: &'static [(&'static str, Party, &'static str)],
}

const ORGS: &[OrgSeed] = &[
    OrgSeed {
        name: "Hotel Sol de Mallorca S.L.",
        language: Language::Es,
        tier: Tier::Gold,
        revenue_minor: 18_500_000,
        currency: "EUR",
        since: "2019-04-01",
        contract: "ES-2019-0412",
        domain: "hotelsolmallorca.es",
        billing: "Plan Empresa, 45 licencias. Facturación trimestral, pago a 30 días por transferencia.",
        promises: &[
            (
                ExpectationKind::Performance,
                "El sistema de reservas responde en menos de 2 segundos en temporada alta.",
            ),
            (
                ExpectationKind::Support,
                "Soporte telefónico en español de 8:00 a 22:00, también fines de semana de junio a septiembre.",
            ),
            (
                ExpectationKind::Billing,
                "Precio congelado hasta el fin del contrato (marzo de 2027).",
            ),
        ],
        responsibilities: &[
            (
                "Red wifi del hotel",
                Party::Customer,
                "El hotel mantiene su red y sus puntos de acceso.",
            ),
            (
                "Alojamiento de la plataforma",
                Party::Company,
                "Disponibilidad del 99,9 % mensual, con informe de incidencias.",
            ),
        ],
    },
    OrgSeed {
        name: "Padaria Lusitana Lda.",
        language: Language::Pt,
        tier: Tier::Silver,
        revenue_minor: 4_200_000,
        currency: "EUR",
        since: "2021-09-15",
        contract: "PT-2021-0915",
        domain: "padarialusitana.pt",
        billing: "Plano Equipa, 12 licenças. Fatura mensal por débito direto.",
        promises: &[
            (
                ExpectationKind::Delivery,
                "Terminais de venda substituídos em 24 horas úteis em Lisboa e no Porto.",
            ),
            (
                ExpectationKind::Performance,
                "Sincronização de vendas entre lojas a cada 5 minutos.",
            ),
        ],
        responsibilities: &[
            (
                "Terminais de venda",
                Party::Company,
                "Manutenção e substituição dos terminais em caso de avaria.",
            ),
            (
                "Ligação à internet das lojas",
                Party::Customer,
                "Cada loja garante a sua ligação.",
            ),
            (
                "Pagamentos com cartão",
                Party::ThirdParty,
                "Processados pelo banco adquirente do cliente.",
            ),
        ],
    },
    OrgSeed {
        name: "Rīgas Tehnika SIA",
        language: Language::Lv,
        tier: Tier::Platinum,
        revenue_minor: 62_000_000,
        currency: "EUR",
        since: "2016-02-01",
        contract: "LV-2016-0201",
        domain: "rigastehnika.lv",
        billing: "Uzņēmuma plāns, 180 licences. Gada rēķins, apmaksa 14 dienu laikā.",
        promises: &[
            (
                ExpectationKind::Support,
                "Personīgs konta vadītājs un atbilde uz kritiskiem pieteikumiem 1 stundas laikā.",
            ),
            (
                ExpectationKind::Performance,
                "Datu eksports līdz 1 miljonam rindu bez kļūdām.",
            ),
            (
                ExpectationKind::Delivery,
                "Jaunas iekārtas piegādātas Rīgā 2 darba dienu laikā.",
            ),
        ],
        responsibilities: &[
            (
                "Datu rezerves kopijas",
                Party::Company,
                "Ikdienas rezerves kopijas, glabātas 35 dienas.",
            ),
            (
                "Lietotāju piekļuves tiesības",
                Party::Customer,
                "Klienta administrators piešķir un atsauc tiesības.",
            ),
            (
                "Integrācija ar grāmatvedību",
                Party::Shared,
                "Mēs uzturam saskarni, klients — grāmatvedības sistēmu.",
            ),
        ],
    },
    OrgSeed {
        name: "Northwind Outfitters Ltd",
        language: Language::En,
        tier: Tier::Standard,
        revenue_minor: 950_000,
        currency: "GBP",
        since: "2024-06-10",
        contract: "UK-2024-0610",
        domain: "northwind-outfitters.co.uk",
        billing: "Starter plan, 5 seats. Monthly card payment.",
        promises: &[(
            ExpectationKind::Billing,
            "No setup fee and cancellation at any time with 30 days' notice.",
        )],
        responsibilities: &[(
            "Card payments",
            Party::ThirdParty,
            "Handled by the customer's payment provider.",
        )],
    },
    OrgSeed {
        name: "Construtora Ipê Ltda.",
        language: Language::Pt,
        tier: Tier::Gold,
        revenue_minor: 27_300_000,
        currency: "BRL",
        since: "2020-01-20",
        contract: "BR-2020-0120",
        domain: "construtoraipe.com.br",
        billing: "Plano Empresa, 60 licenças. Faturamento mensal por boleto, vencimento dia 10.",
        promises: &[
            (
                ExpectationKind::Support,
                "Atendimento em português do Brasil em horário comercial de Brasília.",
            ),
            (
                ExpectationKind::Delivery,
                "Implantação de novas obras no sistema em até 3 dias úteis.",
            ),
        ],
        responsibilities: &[(
            "Cadastro de obras",
            Party::Customer,
            "A construtora mantém os dados das obras atualizados.",
        )],
    },
    OrgSeed {
        name: "Biblioteca Municipal de Valencia",
        language: Language::Es,
        tier: Tier::Standard,
        revenue_minor: 1_200_000,
        currency: "EUR",
        since: "2023-03-01",
        contract: "ES-2023-0301",
        domain: "bibliotecavalencia.es",
        billing: "Contrato público anual, pago por transferencia tras conformidad de la factura.",
        promises: &[(
            ExpectationKind::Other,
            "Accesibilidad de la interfaz conforme a la norma EN 301 549.",
        )],
        responsibilities: &[(
            "Conformidad de facturas",
            Party::Customer,
            "La intervención municipal valida cada factura en 30 días.",
        )],
    },
];

const FIRST_NAMES: [(Language, &[&str]); 4] = [
    (
        Language::En,
        &[
            "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Mia",
        ],
    ),
    (
        Language::Es,
        &[
            "Lucía", "Hugo", "Martina", "Mateo", "Carmen", "Javier", "Elena", "Álvaro",
        ],
    ),
    (
        Language::Pt,
        &[
            "João", "Inês", "Tiago", "Beatriz", "Rafael", "Mariana", "Gonçalo", "Luísa",
        ],
    ),
    (
        Language::Lv,
        &[
            "Jānis",
            "Līga",
            "Andris",
            "Ilze",
            "Kārlis",
            "Zane",
            "Mārtiņš",
            "Anna",
        ],
    ),
];

const LAST_NAMES: [(Language, &[&str]); 4] = [
    (
        Language::En,
        &["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans"],
    ),
    (
        Language::Es,
        &["García", "Martínez", "López", "Sánchez", "Pérez", "Gómez"],
    ),
    (
        Language::Pt,
        &[
            "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa",
        ],
    ),
    (
        Language::Lv,
        &[
            "Bērziņš",
            "Kalniņa",
            "Ozols",
            "Liepiņa",
            "Kļaviņš",
            "Jansone",
        ],
    ),
];

fn names(
    table: &[(Language, &'static [&'static str]); 4],
    language: Language,
) -> &'static [&'static str] {
    table
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, n)| *n)
        .unwrap_or(&[])
}

fn ascii_slug(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'ã' | 'â' | 'ā' | 'Á' => Some('a'),
            'é' | 'ê' | 'ē' => Some('e'),
            'í' | 'ī' => Some('i'),
            'ó' | 'õ' | 'ô' => Some('o'),
            'ú' | 'ū' => Some('u'),
            'ç' | 'č' => Some('c'),
            'ņ' => Some('n'),
            'ļ' => Some('l'),
            'ķ' => Some('k'),
            'ģ' => Some('g'),
            'š' => Some('s'),
            'ž' => Some('z'),
            ' ' => Some('.'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

struct Staff {
    actor: Actor,
    language: Language,
}

struct ContactSeed {
    id: ContactId,
    name: String,
    language: Language,
}

fn actor(user: &User) -> Actor {
    Actor {
        user_id: user.id,
        role: user.role,
        organization_id: user.organization_id,
        contact_id: user.contact_id,
    }
}

/// Fills an empty database with the demo data set.
/// The example service policy (`examples/policy.toml`), which the demo runs under.
pub const EXAMPLE_POLICY: &str = include_str!("../../../examples/policy.toml");

/// Publishes the example policy at the start of the demo period (version 1), acknowledged
/// by some of the staff so the acknowledgement status has something to show.
async fn publish_example_policy(store: &Store, staff: &[Staff], at: Timestamp) -> Result<()> {
    let Some(admin) = staff.iter().find(|s| s.actor.role == Role::Admin) else {
        return Ok(());
    };
    let briefing = "First written service policy: a reply within 2 to 8 working hours by channel, \
                    an update promise in every answer, and clear limits for credits and refunds.";
    let (draft, _) = store
        .create_policy_draft(&admin.actor, EXAMPLE_POLICY, briefing, at)
        .await?;
    store
        .publish_policy(&admin.actor, draft.number, at, &[], at)
        .await?;
    for member in staff
        .iter()
        .filter(|s| matches!(s.language, Language::Es | Language::Lv))
    {
        store
            .acknowledge_policy(
                &member.actor,
                draft.number,
                at + SignedDuration::from_hours(20),
            )
            .await?;
    }
    Ok(())
}

pub async fn generate(store: &Store, options: &DemoOptions, now: Timestamp) -> Result<DemoSummary> {
    let mut rng = StdRng::seed_from_u64(options.seed);
    let mut summary = DemoSummary::default();
    let start = now - SignedDuration::from_hours(24 * options.days.max(1));
    let t = |offset_minutes: i64| start + SignedDuration::from_mins(offset_minutes);

    let mut language_teams: Vec<(Language, TeamId)> = Vec::new();
    for (language, name) in [
        (Language::Es, "Soporte España"),
        (Language::Pt, "Suporte Lusófono"),
        (Language::Lv, "Atbalsts Latvija"),
        (Language::En, "Support UK"),
    ] {
        let team = store
            .create_team(
                None,
                NewTeam {
                    name: name.into(),
                    kind: TeamKind::Team,
                    description: None,
                },
                t(0),
            )
            .await?;
        language_teams.push((language, team.id));
    }
    let mut departments = Vec::new();
    for name in [
        "Billing / Facturación",
        "Technical support",
        "Account management",
    ] {
        departments.push(
            store
                .create_team(
                    None,
                    NewTeam {
                        name: name.into(),
                        kind: TeamKind::Department,
                        description: None,
                    },
                    t(0),
                )
                .await?
                .id,
        );
    }
    let team_of = |language: Language| {
        language_teams
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, t)| *t)
    };

    let staff_seeds = [
        ("admin@demo.accord", "Alex Admin", Role::Admin, Language::En),
        (
            "marta@demo.accord",
            "Marta Ruiz",
            Role::Supervisor,
            Language::Es,
        ),
        (
            "lucia@demo.accord",
            "Lucía Fernández",
            Role::Agent,
            Language::Es,
        ),
        (
            "joao@demo.accord",
            "João Almeida",
            Role::Agent,
            Language::Pt,
        ),
        ("ilze@demo.accord", "Ilze Ozola", Role::Agent, Language::Lv),
        ("sam@demo.accord", "Sam Carter", Role::Agent, Language::En),
    ];
    let mut staff = Vec::new();
    for (email, name, role, language) in staff_seeds {
        let mut teams: Vec<TeamId> = team_of(language).into_iter().collect();
        if role == Role::Supervisor {
            teams = language_teams.iter().map(|(_, t)| *t).collect();
        }
        if role != Role::Admin {
            teams.push(departments[0]);
        }
        let user = store
            .create_user(
                None,
                NewUser {
                    email: email.into(),
                    name: name.into(),
                    role,
                    language: Some(language),
                    password: Some(DEMO_PASSWORD.into()),
                    organization_id: None,
                    contact_id: None,
                    team_ids: if role == Role::Admin { vec![] } else { teams },
                },
                t(0),
            )
            .await?;
        summary.logins.push(DemoLogin {
            email: email.into(),
            name: name.into(),
            role,
            language,
        });
        staff.push(Staff {
            actor: actor(&user),
            language,
        });
    }
    let supervisor = staff[1].actor.clone();
    publish_example_policy(store, &staff, t(0)).await?;
    let agents: Vec<&Staff> = staff
        .iter()
        .filter(|s| s.actor.role == Role::Agent)
        .collect();

    let mut contacts: Vec<ContactSeed> = Vec::new();
    for (i, seed) in ORGS.iter().enumerate() {
        let manager = agents
            .iter()
            .find(|a| a.language == seed.language)
            .map(|a| a.actor.user_id);
        let org = store
            .create_organization(
                None,
                OrganizationInput {
                    name: Some(seed.name.into()),
                    tier: Some(seed.tier),
                    annual_revenue_minor: Some(seed.revenue_minor),
                    currency: Some(seed.currency.into()),
                    customer_since: seed.since.parse().ok(),
                    account_manager_id: manager,
                    billing_notes: Some(seed.billing.into()),
                    contract_ref: Some(seed.contract.into()),
                },
                t(i as i64),
            )
            .await?;
        summary.organizations += 1;
        for (kind, text) in seed.promises {
            store
                .add_expectation(
                    &supervisor,
                    org.id,
                    ExpectationInput {
                        kind: *kind,
                        description: (*text).into(),
                    },
                    t(i as i64),
                )
                .await?;
        }
        for (area, party, text) in seed.responsibilities {
            store
                .add_responsibility(
                    &supervisor,
                    org.id,
                    ResponsibilityInput {
                        area: (*area).into(),
                        party: *party,
                        description: (*text).into(),
                    },
                    t(i as i64),
                )
                .await?;
        }
        let firsts = names(&FIRST_NAMES, seed.language);
        let lasts = names(&LAST_NAMES, seed.language);
        for k in 0..8 {
            let name = format!(
                "{} {}",
                firsts[(i * 3 + k) % firsts.len()],
                lasts[(i + k * 5) % lasts.len()]
            );
            let email = format!("{}@{}", ascii_slug(&name), seed.domain);
            let mut identities = vec![Identity {
                kind: IdentityKind::Email,
                value: email.clone(),
            }];
            if k % 3 == 0 {
                identities.push(Identity {
                    kind: IdentityKind::Phone,
                    value: format!("+{} {}", 300 + i * 7, 600_000_000 + i * 1000 + k),
                });
            }
            let contact = store
                .create_contact(
                    None,
                    ContactInput {
                        name: Some(name.clone()),
                        organization_id: Some(org.id),
                        preferred_language: Some(seed.language),
                        identities: Some(identities),
                    },
                    t(i as i64),
                )
                .await?;
            summary.contacts += 1;
            if k == 0 {
                store
                    .create_user(
                        None,
                        NewUser {
                            email: email.clone(),
                            name: name.clone(),
                            role: Role::Customer,
                            language: Some(seed.language),
                            password: Some(DEMO_PASSWORD.into()),
                            organization_id: Some(org.id),
                            contact_id: Some(contact.id),
                            team_ids: vec![],
                        },
                        t(i as i64),
                    )
                    .await?;
                summary.logins.push(DemoLogin {
                    email,
                    name: name.clone(),
                    role: Role::Customer,
                    language: seed.language,
                });
            }
            contacts.push(ContactSeed {
                id: contact.id,
                name,
                language: seed.language,
            });
        }
    }

    // Case creation times, oldest first, so case numbers grow with time.
    let span_minutes = options.days.max(1) * 24 * 60;
    let mut offsets: Vec<i64> = (0..options.cases)
        .map(|_| rng.random_range(60..span_minutes))
        .collect();
    offsets.sort_unstable();
    for offset in offsets {
        let contact = &contacts[rng.random_range(0..contacts.len())];
        summary.entries += create_case(
            store,
            &mut rng,
            contact,
            &staff,
            &departments,
            team_of(contact.language),
            t(offset),
            now,
        )
        .await?;
        summary.cases += 1;
    }
    // Small demos play the timers of the period out, with the surveys they send answered;
    // the large synthetic sets of benchmarks leave them to `accord serve`.
    if options.cases <= FEEDBACK_UP_TO {
        feedback::fire_timers_in_time(store, now).await?;
        if let Some(admin) = staff.iter().find(|s| s.actor.role == Role::Admin) {
            summary.survey_answers =
                feedback::answer_surveys(store, &admin.actor, &mut rng, now).await?;
        }
    }
    Ok(summary)
}

/// The largest demo whose timers and surveys are played out when it is made.
const FEEDBACK_UP_TO: usize = 2000;

#[allow(clippy::too_many_arguments)]
async fn create_case(
    store: &Store,
    rng: &mut StdRng,
    contact: &ContactSeed,
    staff: &[Staff],
    departments: &[TeamId],
    team: Option<TeamId>,
    created: Timestamp,
    now: Timestamp,
) -> Result<usize> {
    // Customers sometimes write in another language than their preference.
    let language = if rng.random_bool(0.9) {
        contact.language
    } else {
        Language::ALL[rng.random_range(0..4)]
    };
    let scenarios = scenarios::for_language(language);
    let scenario = &scenarios[rng.random_range(0..scenarios.len())];
    let order = format!(
        "{}-{}",
        ["A", "B", "K", "P"][rng.random_range(0..4)],
        rng.random_range(10_000..99_999)
    );
    let product = scenarios::PRODUCTS[rng.random_range(0..scenarios::PRODUCTS.len())];
    let first = contact.name.split(' ').next().unwrap_or(&contact.name);
    let fill = |text: &str| {
        text.replace("{order}", &order)
            .replace("{product}", product)
            .replace("{name}", first)
    };
    let channel = [
        Channel::Email,
        Channel::Email,
        Channel::Web,
        Channel::Chat,
        Channel::Phone,
    ][rng.random_range(0..5)];
    let agent = staff
        .iter()
        .filter(|s| s.actor.role == Role::Agent && s.language == language)
        .chain(staff.iter().filter(|s| s.actor.role == Role::Agent))
        .next()
        .map(|s| s.actor.clone());
    let Some(agent) = agent else { return Ok(0) };
    let priority = match scenario.category {
        "complaint" => Priority::High,
        "technical" if rng.random_bool(0.5) => Priority::Urgent,
        _ if rng.random_bool(0.15) => Priority::Low,
        _ => Priority::Normal,
    };
    let assigned = rng.random_bool(0.75);
    let new = NewCase {
        subject: fill(scenario.subject),
        body: Some(fill(scenario.message)),
        contact_id: Some(contact.id),
        channel: Some(channel),
        language: Some(language),
        priority: Some(priority),
        category: Some(scenario.category.into()),
        tags: scenario.tags.iter().map(|t| t.to_string()).collect(),
        custom_fields: [(
            "order_number".to_string(),
            accord_core::case::FieldValue::Text(order.clone()),
        )]
        .into(),
        team_id: team,
        assignee_id: assigned.then_some(agent.user_id),
    };
    let Created::New(case) = store.create_case(&agent, new, None, created).await? else {
        return Ok(0);
    };
    let mut entries = 1;
    let age_hours = now.duration_since(created).as_hours();
    let mut at = created;
    let mut step = |rng: &mut StdRng, max_minutes: i64| {
        at = (at + SignedDuration::from_mins(rng.random_range(5..max_minutes.max(6)))).min(now);
        at
    };
    let entry = |kind: EntryKind, body: String| NewEntry {
        kind,
        body,
        channel: None,
        department_id: None,
        answers_entry_id: None,
    };
    let set = |status: CaseStatus| CasePatch {
        status: Some(status),
        ..CasePatch::default()
    };

    // Young cases are still new; older ones have progressed further.
    if age_hours < 2 && rng.random_bool(0.6) {
        return Ok(entries);
    }
    store
        .update_case(
            &agent,
            case.id,
            &set(CaseStatus::Acknowledged),
            step(rng, 90),
        )
        .await?;
    store
        .add_entry(
            &agent,
            case.id,
            &entry(EntryKind::Outbound, fill(scenario.reply)),
            step(rng, 30),
        )
        .await?;
    entries += 1;
    if rng.random_bool(0.6) {
        store
            .add_entry(
                &agent,
                case.id,
                &entry(EntryKind::Note, fill(scenario.note)),
                step(rng, 60),
            )
            .await?;
        entries += 1;
    }
    if scenario.category == "billing" && rng.random_bool(0.5) {
        let mut question = entry(EntryKind::ConsultQuestion, fill(scenario.note));
        question.department_id = departments.first().copied();
        let q = store
            .add_entry(&agent, case.id, &question, step(rng, 120))
            .await?;
        let mut answer = entry(
            EntryKind::ConsultAnswer,
            "OK — refund / reembolso / atmaksa: done.".into(),
        );
        answer.answers_entry_id = Some(q.id);
        store
            .add_entry(&staff[1].actor, case.id, &answer, step(rng, 240))
            .await?;
        entries += 2;
    }
    if age_hours < 24 && rng.random_bool(0.5) {
        store
            .update_case(
                &agent,
                case.id,
                &set(CaseStatus::Investigating),
                step(rng, 60),
            )
            .await?;
        return Ok(entries);
    }
    if rng.random_bool(0.3) && age_hours < 24 * 7 {
        store
            .update_case(
                &agent,
                case.id,
                &set(CaseStatus::WaitingOnCustomer),
                step(rng, 60),
            )
            .await?;
        return Ok(entries);
    }
    // The customer answers (as the customer: inbound, recorded by the agent's channel).
    store
        .add_entry(
            &agent,
            case.id,
            &entry(EntryKind::Inbound, fill(scenario.follow_up)),
            step(rng, 24 * 60),
        )
        .await?;
    entries += 1;
    if age_hours < 24 * 3 && rng.random_bool(0.5) {
        store
            .update_case(
                &agent,
                case.id,
                &set(CaseStatus::Investigating),
                step(rng, 120),
            )
            .await?;
        return Ok(entries);
    }
    store
        .update_case(
            &agent,
            case.id,
            &set(CaseStatus::Resolved),
            step(rng, 24 * 60),
        )
        .await?;
    if age_hours > 24 * 7 && rng.random_bool(0.8) {
        store
            .update_case(
                &agent,
                case.id,
                &set(CaseStatus::Closed),
                step(rng, 3 * 24 * 60),
            )
            .await?;
    }
    Ok(entries)
}

/// The logins of an existing demo database, for printing again on a later start.
pub async fn demo_logins(store: &Store) -> Result<Vec<DemoLogin>> {
    let mut logins = Vec::new();
    for principal in store.list_users_for_listing().await? {
        logins.push(DemoLogin {
            email: principal.email,
            name: principal.name,
            role: principal.role,
            language: principal.language,
        });
    }
    Ok(logins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_the_same_scenarios() {
        let english = scenarios::for_language(Language::En);
        for language in Language::ALL {
            let these = scenarios::for_language(language);
            assert_eq!(these.len(), english.len(), "{language}");
            for (a, b) in these.iter().zip(english) {
                assert_eq!(a.category, b.category, "{language}: {}", a.subject);
            }
        }
    }

    #[test]
    fn slugs_are_ascii_email_parts() {
        assert_eq!(ascii_slug("Kārlis Bērziņš"), "karlis.berzins");
        assert_eq!(ascii_slug("Gonçalo Ferreira"), "goncalo.ferreira");
    }
}
