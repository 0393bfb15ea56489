//! Running the server until Ctrl-C or SIGTERM, then finishing the requests in flight.

use accord_demo::DemoLogin;
use accord_store::Store;
use anyhow::{Context, Result};
use tokio::net::TcpListener;

use crate::config::Settings;

pub async fn serve(store: Store, settings: &Settings, demo: Option<&[DemoLogin]>) -> Result<()> {
    accord_web::metrics_handle();
    let config = accord_web::WebConfig {
        secure_cookies: settings.secure_cookies,
        time_zone: settings.time_zone.clone(),
        public_url: settings.public_url.clone(),
        ..accord_web::WebConfig::default()
    };
    let app = accord_web::app(accord_web::AppState::new(store.clone(), config));
    tokio::spawn(fire_timers(store.clone()));
    let (_, mail) = accord_mail::service::start(&store, &settings.mail, &settings.mail_listen)
        .await
        .map_err(anyhow::Error::msg)
        .context("starting the email channel")?;
    let listener = TcpListener::bind(settings.listen)
        .await
        .with_context(|| format!("listening on {}", settings.listen))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, database = ?store.engine(), "Accord is serving");
    if let Some(smtp) = mail.smtp {
        tracing::info!(%smtp, "email: SMTP listener");
    }
    if let Some(lmtp) = mail.lmtp {
        tracing::info!(%lmtp, "email: LMTP listener");
    }
    if let Some(logins) = demo {
        print_demo(&format!("http://{address}"), logins, &mail);
    }
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving HTTP")?;
    tracing::info!("shutting down: requests finished, closing the database");
    store.close().await;
    Ok(())
}

/// Fires durable timers (clocks, escalations, policy versions taking effect) for as long as
/// the server runs. First, cases catch up with the version in force (after downtime or an
/// upgrade); due timers then fire oldest first.
async fn fire_timers(store: Store) {
    match store.switch_policy_versions(jiff::Timestamp::now()).await {
        Ok(moved) if moved > 0 => {
            tracing::info!(moved, "open cases moved to the policy version now in force")
        }
        Ok(_) => {}
        Err(e) => {
            tracing::warn!(error = %e, "could not switch cases to the policy version in force")
        }
    }
    // Names this process in timer leases, so two nodes never confuse theirs.
    let node = format!("{}-{}", std::process::id(), uuid::Uuid::now_v7());
    store.work_timers(&node).await;
}

fn print_demo(url: &str, logins: &[DemoLogin], mail: &accord_mail::service::Running) {
    println!();
    println!("Accord demo is running at {url}");
    println!(
        "Sign in with any of these (password: {}):",
        accord_demo::DEMO_PASSWORD
    );
    for login in logins {
        println!(
            "  {:<11} {:<40} {} ({})",
            login.role.as_str(),
            login.email,
            login.name,
            login.language
        );
    }
    println!(
        "API reference: {url}/api/docs/   Create an API token: accord token create --user admin@demo.accord"
    );
    if let Some(smtp) = mail.smtp {
        println!(
            "Email: send mail to any address @demo.accord through SMTP at {smtp}, e.g. swaks --server {smtp} --to support@demo.accord"
        );
    }
    println!("Press Ctrl-C to stop.");
    println!();
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
