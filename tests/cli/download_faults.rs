//! What users trust us with under a misbehaving network: downloads that are cut short leave no
//! partial file behind, keep the file they would replace, and are fetched again.

use crate::common;

use cfimg_emulator::Faults;
use common::{TestEnv, fixture_str};

/// A seed under which the emulator cuts its first image body short (0.6 of them in all).
const SEED: u64 = 2;

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cfimg-blob-"))
        .collect()
}

#[test]
fn a_truncated_blob_leaves_no_file_and_keeps_an_existing_one() {
    let env = TestEnv::with_faults(Faults {
        truncate_rate: 1.0,
        seed: Some(3),
        ..Faults::default()
    });
    let image = env
        .ok(&[
            "--json",
            "images",
            "upload",
            &fixture_str("images/photo.jpg"),
        ])
        .json();
    let id = image["id"].as_str().unwrap();
    let out_dir = env.path("downloads");
    std::fs::create_dir(&out_dir).unwrap();

    let fresh = out_dir.join("fresh.jpg");
    env.run(
        env.cmd(),
        &["-vv", "images", "blob", id, "-o", fresh.to_str().unwrap()],
    )
    .code(1)
    .error_contains("cut off");
    assert!(!fresh.exists());
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());

    let existing = out_dir.join("existing.jpg");
    std::fs::write(&existing, b"the user's own file").unwrap();
    env.run(
        env.cmd(),
        &[
            "--retries",
            "1",
            "images",
            "blob",
            id,
            "-o",
            existing.to_str().unwrap(),
            "--force",
        ],
    )
    .code(1)
    .error_contains("cut off");
    assert_eq!(std::fs::read(&existing).unwrap(), b"the user's own file");
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());

    // To a pipe nothing goes out until the bytes are whole: here, never.
    let run = env.run(env.cmd(), &["--retries", "1", "images", "blob", id]);
    run.code(1).error_contains("cut off");
    assert!(run.stdout_bytes.is_empty());
}

#[test]
fn a_truncated_blob_is_fetched_again() {
    let env = TestEnv::with_faults(Faults {
        truncate_rate: 0.6,
        seed: Some(SEED),
        ..Faults::default()
    });
    let photo = fixture_str("images/photo.jpg");
    let original = std::fs::read(&photo).unwrap();
    let image = env.ok(&["--json", "images", "upload", &photo]).json();
    let id = image["id"].as_str().unwrap();
    let out_dir = env.path("downloads");
    std::fs::create_dir(&out_dir).unwrap();
    let blobs = || {
        env.emulator
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/blob"))
            .count()
    };

    let file = out_dir.join("photo.jpg");
    let run = env.ok(&[
        "--retries",
        "5",
        "images",
        "blob",
        id,
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&file).unwrap(), original, "{}", run.stderr);
    assert!(
        blobs() >= 2,
        "the first download was cut short: {} requests",
        blobs()
    );
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());

    // To a pipe too: nothing goes out until the bytes are whole.
    let before = blobs();
    let run = env.ok(&["--retries", "8", "images", "blob", id]);
    assert_eq!(run.stdout_bytes, original);
    assert!(blobs() > before);

    // Without retries, a cut-off download fails and leaves nothing behind.
    let mut failed = false;
    for i in 0..6 {
        let target = out_dir.join(format!("once-{i}.jpg"));
        let run = env.run(
            env.cmd(),
            &[
                "--retries",
                "0",
                "images",
                "blob",
                id,
                "-o",
                target.to_str().unwrap(),
            ],
        );
        if run.code != 0 {
            run.code(1).error_contains("cut off");
            assert!(!target.exists());
            failed = true;
        }
    }
    assert!(failed);
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());
}
