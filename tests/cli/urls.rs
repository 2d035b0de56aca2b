//! Delivery URLs and signed URLs against the emulator's delivery path, which checks
//! signatures as Cloudflare's edge does.

use crate::common;

use common::{TestEnv, fixture, fixture_str};

fn fetch(url: &str) -> (u16, Vec<u8>) {
    let response = reqwest::blocking::get(url).unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().unwrap().to_vec())
}

#[test]
fn private_images_need_a_valid_unexpired_signature() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    let image = env
        .ok(&["--json", "images", "upload", &png, "--require-signed-urls"])
        .json();
    let id = image["id"].as_str().unwrap();

    let run = env.ok(&["images", "url", id]);
    assert!(
        run.stderr.contains("account_hash"),
        "hint to save the hash: {}",
        run.stderr
    );
    let plain = run.stdout.trim().to_string();
    assert_eq!(fetch(&plain).0, 403, "unsigned URL of a private image");

    let signed = env
        .ok(&["images", "url", id, "--signed"])
        .stdout
        .trim()
        .to_string();
    assert!(
        signed.contains("?exp=") && signed.contains("&sig="),
        "{signed}"
    );
    let (status, body) = fetch(&signed);
    assert_eq!(status, 200);
    assert_eq!(body, std::fs::read(fixture("images/logo.png")).unwrap());

    let now = jiff::Timestamp::now().as_second();
    let expired = env
        .ok(&[
            "images",
            "url",
            id,
            "--signed",
            "--expires-at",
            &(now - 10).to_string(),
        ])
        .stdout
        .trim()
        .to_string();
    assert_eq!(fetch(&expired).0, 403, "expired");

    let tampered = signed.replace("/public?", "/public?x=1&");
    assert_eq!(fetch(&tampered).0, 403, "tampered");
    let mut bad_sig = signed.clone();
    let last = bad_sig.pop().unwrap();
    bad_sig.push(if last == '0' { '1' } else { '0' });
    assert_eq!(fetch(&bad_sig).0, 403, "wrong signature");
}

#[test]
fn signing_is_reproducible_and_uses_the_configured_key_offline() {
    let env = TestEnv::new();
    let args = [
        "images",
        "url",
        "bc27a117-9509-446b-8c69-c81bfeac0a01",
        "--variant",
        "mobile",
        "--account-hash",
        "cheeW4oKsx5ljh8e8BoL2A",
        "--delivery-url",
        "https://imagedelivery.net",
        "--signed",
        "--expires-at",
        "1631289275",
    ];
    let run = env.run(
        env.cmd()
            .env("CFIMG_SIGNING_KEY", "Oix0bbNaT8Rge9PuyxUBrjI6zrgnsyJ5="),
        &args,
    );
    run.success();
    assert_eq!(
        run.stdout.trim(),
        "https://imagedelivery.net/cheeW4oKsx5ljh8e8BoL2A/bc27a117-9509-446b-8c69-c81bfeac0a01/mobile?exp=1631289275&sig=72411885ee02134d38662f3e70ac8ff694f408e9d14b05125f6b022c3f403efa"
    );
    assert_eq!(
        env.emulator.request_count(),
        0,
        "hash and key configured: no API call"
    );
}

#[test]
fn many_ids_one_key_fetch_and_json() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    let mut ids = Vec::new();
    for _ in 0..3 {
        let image = env
            .ok(&["--json", "images", "upload", &png, "--require-signed-urls"])
            .json();
        ids.push(image["id"].as_str().unwrap().to_string());
    }
    let before = env.emulator.request_count();
    let input = ids.join("\n") + "\n";
    let run = env.run_with_stdin(
        env.cmd(),
        &["--json", "images", "url", "--ids-from", "-", "--signed"],
        input,
    );
    run.success();
    let urls = run.json();
    assert_eq!(urls.as_array().unwrap().len(), 3);
    assert_eq!(
        env.emulator.request_count() - before,
        2,
        "one image for the hash, one key fetch"
    );
    for entry in urls.as_array().unwrap() {
        assert_eq!(fetch(entry["url"].as_str().unwrap()).0, 200);
    }
}

#[test]
fn public_images_flexible_variants_and_custom_ids() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    env.ok(&["images", "upload", &png, "--id", "brand/100%/logo"]);
    let url = env
        .ok(&["images", "url", "brand/100%/logo"])
        .stdout
        .trim()
        .to_string();
    assert!(url.contains("/brand/100%25/logo/public"), "{url}");
    assert_eq!(fetch(&url).0, 200);
    env.run(
        env.cmd(),
        &[
            "images",
            "url",
            "brand/100%/logo",
            "--variant",
            "w=400",
            "--signed",
        ],
    )
    .code(2)
    .error_contains("flexible");
    let flexible = env
        .ok(&[
            "images",
            "url",
            "x",
            "--variant",
            "w=400,sharpen=3",
            "--account-hash",
            "h",
        ])
        .stdout;
    // The API URL is the emulator's, so delivery is the emulator's too.
    assert_eq!(
        flexible.trim(),
        format!(
            "{}/cdn-cgi/imagedelivery/h/x/w=400,sharpen=3",
            env.emulator.origin()
        )
    );
    let printed = env.ok(&["images", "upload", &png, "--print-urls"]).stdout;
    assert!(printed.trim().ends_with("/public"), "{printed}");
}

#[test]
fn variants_marked_always_public_skip_the_signature() {
    let env = TestEnv::new();
    env.ok(&[
        "variants",
        "create",
        "open",
        "--fit",
        "scale-down",
        "--width",
        "10",
        "--height",
        "10",
        "--never-require-signed-urls",
    ]);
    let image = env
        .ok(&[
            "--json",
            "images",
            "upload",
            &fixture_str("images/logo.png"),
            "--require-signed-urls",
        ])
        .json();
    let id = image["id"].as_str().unwrap();
    let open = env
        .ok(&["images", "url", id, "--variant", "open"])
        .stdout
        .trim()
        .to_string();
    assert_eq!(fetch(&open).0, 200);
}

/// A profile pointed at an emulator keeps the emulator's delivery base after `account_hash` is
/// saved as the hint says, instead of switching to Cloudflare's delivery host.
#[test]
fn an_emulator_profile_keeps_the_emulators_delivery_base() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    let id = env.ok(&["--json", "images", "upload", &png]).json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let config = env.path("emulator.toml");
    let profile = format!(
        "[profiles.local]\naccount_id = \"{}\"\napi_token = \"{}\"\napi_url = \"{}\"\n",
        common::ACCOUNT,
        common::TOKEN,
        env.emulator.base_url()
    );
    std::fs::write(&config, &profile).unwrap();
    let config = config.to_str().unwrap();
    let args = [
        "--config",
        config,
        "--profile",
        "local",
        "images",
        "url",
        &id,
    ];

    // Without the hash: one request, and the hint to save it (and nothing else to save).
    let looked_up = env.run(env.bare(), &args);
    looked_up.success().hint_contains("account_hash = \"");
    assert!(
        !looked_up.stderr.contains("delivery_url"),
        "{}",
        looked_up.stderr
    );
    let url = looked_up.stdout.trim().to_string();
    assert!(url.starts_with(env.emulator.origin()), "{url}");

    // Following the hint gives the same URL, made offline, and it serves the image.
    let hash = cfimg_emulator::account_hash(common::ACCOUNT);
    std::fs::write(
        env.path("emulator.toml"),
        format!("{profile}account_hash = \"{hash}\"\n"),
    )
    .unwrap();
    let before = env.emulator.request_count();
    let offline = env.run(env.bare(), &args);
    offline.success();
    assert_eq!(offline.stdout.trim(), url);
    assert_eq!(
        env.emulator.request_count(),
        before,
        "no request was needed"
    );
    assert_eq!(fetch(&url).0, 200);

    // delivery_url still says otherwise when set.
    std::fs::write(
        env.path("emulator.toml"),
        format!("{profile}account_hash = \"{hash}\"\ndelivery_url = \"https://img.example.com/cdn-cgi/imagedelivery\"\n"),
    )
    .unwrap();
    let custom = env.run(env.bare(), &args);
    assert_eq!(
        custom.stdout.trim(),
        format!("https://img.example.com/cdn-cgi/imagedelivery/{hash}/{id}/public")
    );
}

/// `--account-hash` and `--delivery-url` are the top layer of the settings a profile also sets,
/// and CFIMG_SIGNING_KEY sits below the profile `--profile` names, as for every setting.
#[test]
fn url_flags_beat_the_profile_and_an_explicit_profile_beats_the_environment() {
    let env = TestEnv::new();
    let config = env.path("delivery.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.p]\naccount_id = \"{}\"\napi_token = \"{}\"\napi_url = \"{}\"\n\
             account_hash = \"profile-hash\"\n\
             delivery_url = \"https://profile.example/cdn-cgi/imagedelivery\"\n\
             signing_key = \"Oix0bbNaT8Rge9PuyxUBrjI6zrgnsyJ5=\"\n",
            common::ACCOUNT,
            common::TOKEN,
            env.emulator.base_url()
        ),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let url = |id: &str, extra: &[&str]| {
        let mut args = vec!["--config", config, "--profile", "p", "images", "url", id];
        args.extend_from_slice(extra);
        let run = env.run(
            env.bare()
                .env("CFIMG_SIGNING_KEY", "an-environment-signing-key"),
            &args,
        );
        run.success();
        run.stdout.trim().to_string()
    };
    assert_eq!(
        url("x", &[]),
        "https://profile.example/cdn-cgi/imagedelivery/profile-hash/x/public"
    );
    assert_eq!(
        url(
            "x",
            &[
                "--account-hash",
                "cheeW4oKsx5ljh8e8BoL2A",
                "--delivery-url",
                "https://imagedelivery.net"
            ]
        ),
        "https://imagedelivery.net/cheeW4oKsx5ljh8e8BoL2A/x/public"
    );
    // Signed with the profile's key, not the environment's: the docs' test vector.
    let signed = url(
        "bc27a117-9509-446b-8c69-c81bfeac0a01",
        &[
            "--variant",
            "mobile",
            "--account-hash",
            "cheeW4oKsx5ljh8e8BoL2A",
            "--delivery-url",
            "https://imagedelivery.net",
            "--signed",
            "--expires-at",
            "1631289275",
        ],
    );
    assert!(
        signed.ends_with("&sig=72411885ee02134d38662f3e70ac8ff694f408e9d14b05125f6b022c3f403efa"),
        "{signed}"
    );
    assert_eq!(env.emulator.request_count(), 0, "all made offline");
}

/// `--form` picks the URL form; the emulator serves both, and a signature made for one form's
/// path is refused on the other's.
#[test]
fn both_url_forms_are_made_and_signed_for_their_own_path() {
    let env = TestEnv::new();
    let png = fixture_str("images/logo.png");
    let image = env
        .ok(&["--json", "images", "upload", &png, "--require-signed-urls"])
        .json();
    let id = image["id"].as_str().unwrap();
    let origin = env.emulator.origin().to_string();
    let hash = cfimg_emulator::account_hash(common::ACCOUNT);
    let url_of = |extra: &[&str]| {
        let mut args = vec!["images", "url", id, "--account-hash", &hash];
        args.extend_from_slice(extra);
        env.ok(&args).stdout.trim().to_string()
    };

    let root = url_of(&["--form", "imagedelivery"]);
    assert_eq!(root, format!("{origin}/{hash}/{id}/public"));
    let zone = url_of(&["--form", "zone"]);
    assert_eq!(
        zone,
        format!("{origin}/cdn-cgi/imagedelivery/{hash}/{id}/public")
    );
    assert_eq!(
        url_of(&[]),
        zone,
        "the emulator's default stays the zone form"
    );

    let signed_root = url_of(&["--form", "imagedelivery", "--signed"]);
    let exp = signed_root.split("exp=").nth(1).unwrap();
    let exp = exp.split('&').next().unwrap().to_string();
    let signed_zone = url_of(&["--form", "zone", "--signed", "--expires-at", &exp]);
    assert_eq!(fetch(&root).0, 403, "unsigned");
    assert_eq!(fetch(&signed_root).0, 200);
    assert_eq!(fetch(&signed_zone).0, 200);
    // The same exp, each signature on the other form's path: refused.
    let query = |u: &str| u.split_once('?').unwrap().1.to_string();
    assert_eq!(fetch(&format!("{zone}?{}", query(&signed_root))).0, 403);
    assert_eq!(fetch(&format!("{root}?{}", query(&signed_zone))).0, 403);
}

#[test]
fn the_zone_form_needs_a_zone() {
    let env = TestEnv::new();
    let base = [
        "images",
        "url",
        "cats/1",
        "--account-hash",
        "ZWd9g1K7eljCn_KDTu_MWA",
    ];
    fn with<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        args
    }
    let run = env.run(
        env.cmd(),
        &with(
            &base,
            &[
                "--delivery-url",
                "https://imagedelivery.net",
                "--form",
                "zone",
            ],
        ),
    );
    run.code(2)
        .error_contains("has no zone form")
        .hint_contains("--delivery-url https://example.com");
    assert!(run.stdout.is_empty());
    let run = env.ok(&with(
        &base,
        &["--delivery-url", "https://example.com", "--form", "zone"],
    ));
    assert_eq!(
        run.stdout.trim(),
        "https://example.com/cdn-cgi/imagedelivery/ZWd9g1K7eljCn_KDTu_MWA/cats/1/public"
    );
    let run = env.ok(&with(
        &base,
        &[
            "--delivery-url",
            "https://example.com/cdn-cgi/imagedelivery",
            "--form",
            "imagedelivery",
        ],
    ));
    assert_eq!(
        run.stdout.trim(),
        "https://example.com/ZWd9g1K7eljCn_KDTu_MWA/cats/1/public"
    );
    assert_eq!(env.emulator.request_count(), 0, "all offline");
}
