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
        ..accord_web::WebConfig::default()
    };
    let app = accord_web::app(accord_web::AppState::new(store.clone(), config));
    tokio::spawn(switch_policy_versions(store.clone()));
    let listener = TcpListener::bind(settings.listen)
        .await
        .with_context(|| format!("listening on {}", settings.listen))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, database = ?store.engine(), "Accord is serving");
    if let Some(logins) = demo {
        print_demo(&format!("http://{address}"), logins);
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

/// Puts open cases under the policy version that governs them once a published version takes
/// effect or a grace period ends: once at start (catching up after downtime), then whenever
/// such an instant has passed, checked twice a minute with one small query. (Durable timers
/// with leases, issue 3's C3, will replace this loop.)
async fn switch_policy_versions(store: Store) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
    let mut since: Option<jiff::Timestamp> = None;
    loop {
        tick.tick().await;
        let now = jiff::Timestamp::now();
        let due = match since {
            None => Ok(true),
            Some(since) => store.policy_change_due(since, now).await,
        };
        let outcome = match due {
            Ok(true) => store.switch_policy_versions(now).await,
            Ok(false) => Ok(0),
            Err(e) => Err(e),
        };
        match outcome {
            Ok(moved) => {
                since = Some(now);
                if moved > 0 {
                    tracing::info!(moved, "open cases moved to the policy version now in force");
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "could not switch cases to the policy version in force")
            }
        }
    }
}

fn print_demo(url: &str, logins: &[DemoLogin]) {
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
