//! The two listings: pages, continuation tokens, creator and metadata filters.

use super::*;

#[test]
fn list_v2_pages_without_skipping_or_repeating() {
    let e = emu();
    let c = client();
    let mut uploaded = Vec::new();
    for i in 0..25 {
        uploaded.push(upload(&c, &e, i, &[])["id"].as_str().unwrap().to_string());
    }
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut u = url(&e, "v2?per_page=10");
        if let Some(t) = &token {
            u.push_str(&format!("&continuation_token={t}"));
        }
        let page = success_of(get(&c, &u));
        assert_eq!(page.as_object().unwrap().len(), 2, "{page}");
        seen.extend(list_ids(&page));
        pages += 1;
        // Images added meanwhile must not disturb the walk.
        if pages == 1 {
            upload(&c, &e, 100, &[]);
        }
        match &page["continuation_token"] {
            Value::Null => break,
            Value::String(t) => {
                assert!(t.len() <= 32);
                token = Some(t.clone());
            }
            other => panic!("bad token {other}"),
        }
    }
    assert_eq!(pages, 3);
    // Newest first.
    let mut expected = uploaded.clone();
    expected.reverse();
    assert_eq!(seen, expected);

    let asc = success_of(get(&c, &url(&e, "v2?per_page=10&sort_order=asc")));
    assert_eq!(list_ids(&asc), uploaded[..10]);

    // Exactly one full last page: the token is null on it.
    let all = success_of(get(&c, &url(&e, "v2?per_page=26")));
    assert_eq!(all["images"].as_array().unwrap().len(), 26);
    assert!(all["continuation_token"].is_null());

    for bad in [
        "v2?per_page=9",
        "v2?per_page=10001",
        "v2?per_page=abc",
        "v2?sort_order=up",
        "v2?continuation_token=bogus",
    ] {
        let (s, b) = json_of(get(&c, &url(&e, bad)));
        assert_eq!(s, 400, "{bad}");
        assert_eq!(failure(s, &b).0, 5400);
    }
}

#[test]
fn list_v1_pages_by_number() {
    let e = emu();
    let c = client();
    for i in 0..25 {
        upload(&c, &e, i, &[]);
    }
    let mut all = HashSet::new();
    for (page, expected) in [(1, 10), (2, 10), (3, 5), (4, 0)] {
        let r = success_of(get(&c, &url(&e, &format!("v1?page={page}&per_page=10"))));
        assert_eq!(
            r.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["images"]
        );
        let ids = list_ids(&r);
        assert_eq!(ids.len(), expected);
        all.extend(ids);
    }
    assert_eq!(all.len(), 25);
    for bad in ["v1?per_page=5", "v1?per_page=20000", "v1?page=0"] {
        let (s, b) = json_of(get(&c, &url(&e, bad)));
        assert_eq!(s, 400, "{bad}");
        failure(s, &b);
    }
}

#[test]
fn list_filters_by_creator_and_metadata() {
    let e = emu();
    let c = client();
    upload(
        &c,
        &e,
        1,
        &[
            (
                "metadata",
                r#"{"status":"active","priority":5,"region":{"name":"eu"}}"#,
            ),
            ("creator", "alice"),
        ],
    );
    upload(
        &c,
        &e,
        2,
        &[
            ("metadata", r#"{"status":"deleted","priority":1}"#),
            ("creator", "bob"),
        ],
    );
    upload(
        &c,
        &e,
        3,
        &[("metadata", r#"{"status":"active","priority":2,"on":true}"#)],
    );
    let count = |q: &str| {
        let r = success_of(get(&c, &url(&e, &format!("v2?{q}"))));
        r["images"].as_array().unwrap().len()
    };
    assert_eq!(count("creator=alice"), 1);
    assert_eq!(count("creator="), 1);
    assert_eq!(count("meta.status[eq]=active"), 2);
    assert_eq!(count("meta.status%5Beq%5D=active"), 2);
    assert_eq!(count("meta.priority[gte:number]=2"), 2);
    assert_eq!(count("meta.priority[gte:number]=2&meta.priority[lt]=5"), 1);
    assert_eq!(count("meta.status[in]=deleted|flagged"), 1);
    assert_eq!(count("meta.region.name[eq]=eu"), 1);
    assert_eq!(count("meta.on[eq:boolean]=true"), 1);
    assert_eq!(count("meta.status[eq]=active&creator=alice"), 1);
    assert_eq!(
        count("meta.priority[eq:number]=5&meta.priority[lte:number]=3"),
        0
    );
    // v1 knows the creator filter too.
    let v1 = success_of(get(&c, &url(&e, "v1?creator=bob")));
    assert_eq!(v1["images"].as_array().unwrap().len(), 1);

    let err = |q: &str| {
        let (s, b) = json_of(get(&c, &url(&e, &format!("v2?{q}"))));
        assert_eq!(s, 400, "{q}");
        let (code, msg) = failure(s, &b);
        assert_eq!(code, 5400);
        msg
    };
    assert_eq!(
        err("meta.status[not-eq]=x"),
        "Unsupported metadata filter operator: 'not-eq'"
    );
    let six: Vec<String> = (0..6).map(|i| format!("meta.k{i}[eq]=v")).collect();
    assert_eq!(
        err(&six.join("&")),
        "Too many metadata filters: 6 provided, maximum 5 allowed"
    );
    err("meta.a.b.c.d.e.f[eq]=x");
    err("meta.a[in]=1|2|3|4|5|6|7|8|9|10|11");
    err("meta.a[gt]=high");
}
