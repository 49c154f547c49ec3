//! `cargo install --path` from a clean clone of what is committed: the package builds
//! from its own files alone (nothing left on a developer's machine, the lock file as
//! committed, no network), and installs a `communique` that runs.
//!
//! The clone's dependencies are built without optimisation (the dev profile otherwise
//! optimises them), which keeps the check to about a minute and a half on two cores;
//! what is checked is the packaging, not the speed of the result.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(what: &str, command: &mut Command) -> String {
    let out = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {:?}\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn cargo_install_from_a_clean_clone_gives_a_working_communique() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !repo.join(".git").exists() {
        // A packaged copy of the crate has no history to clone; CI always has one.
        eprintln!("not a git checkout: nothing to clone");
        return;
    }
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("install-check");
    let clone = work.join("clone");
    let root = work.join("root");
    let _ = std::fs::remove_dir_all(&clone);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&work).unwrap();
    run(
        "git clone",
        Command::new("git")
            .args(["clone", "--quiet", "--depth", "1"])
            .arg(format!("file://{}", repo.display()))
            .arg(&clone),
    );
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    run(
        "cargo install",
        Command::new(cargo)
            .arg("install")
            .arg("--path")
            .arg(&clone)
            .arg("--root")
            .arg(&root)
            .args(["--locked", "--offline", "--debug", "--quiet"])
            .args(["--config", "profile.dev.package.\"*\".opt-level=0"])
            // A target directory of its own: the tests' binary stays as it is.
            .env("CARGO_TARGET_DIR", work.join("target")),
    );
    let installed = root.join("bin").join("communique");
    let version = run(
        "communique --version",
        Command::new(&installed).arg("--version"),
    );
    assert_eq!(
        version.trim(),
        format!("communique {}", env!("CARGO_PKG_VERSION"))
    );
    let statement = work.join("statement.txt");
    std::fs::write(
        &statement,
        "Joint Statement of the Lake Commission\n\n1. We condemn the dumping of waste in the lake.\n",
    )
    .unwrap();
    let json = run(
        "communique --export json",
        Command::new(&installed)
            .args(["--export", "json"])
            .arg(&statement),
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["commitments"][0]["kind"], "condemn", "{value}");
    let man = run(
        "communique --generate man",
        Command::new(&installed).args(["--generate", "man"]),
    );
    assert!(man.contains("\n.TH communique 1 "), "{man}");
    let _ = std::fs::remove_dir_all(&clone);
}
