use super::*;
use kubesim_model::k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelectorRequirement as Expr;

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn canonical(s: &str) -> String {
    Selector::parse(s).map(|s| s.to_string()).unwrap_or_else(|e| e)
}

/// `input => canonical string or error`, one case per line (upstream selector_test.go style).
#[rustfmt::skip]
const PARSE_CASES: &str = "
    =>
       =>
    x=a,y=b,z=c => x=a,y=b,z=c
    z=c,x=a => x=a,z=c
    x==a => x==a
    x!=a => x!=a
    x=,z=  => x=,z=
    x= ,z=  => x=,z=
    x => x
    !x => !x
     ! x  => !x
    x>1 => x>1
    x<1 => x<1
    tier in (b, a) => tier in (a,b)
    tier in (a) => tier in (a)
    tier notin (a,a,b) => tier notin (a,b)
    x in (foo,,baz),y,z notin () => x in (,baz,foo),y,z notin ()
    x in (,) => x in ()
    in in (in, notin) => in in (in,notin)
    app=web,tier in (a,b) => app=web,tier in (a,b)
    example.com/a=1 => example.com/a=1
    a in b => unable to parse requirement: found 'b' expected: '('
    a b => unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt
    x=a y=b => found 'y', expected: ',' or 'end of string'
    x==a==b => found '==', expected: ',' or 'end of string'
    !x=a => found '=', expected: ',' or 'end of string'
    x=a, => found '', expected: identifier after ','
    ,x => found ',', expected: !, identifier, or 'end of string'
    ! => unable to parse requirement: found '', expected: identifier
    x in (a => unable to parse requirement: found '', expected: ',' or ')'
    x in (a b) => unable to parse requirement: found 'b', expected: ',' or ')'
    x in => unable to parse requirement: found '' expected: '('
    x in (=) => unable to parse requirement: found '=', expected: ',', ')' or identifier
    x=( => unable to parse requirement: found '(', expected: identifier
    x<a => unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer";

#[test]
fn parse_print_and_errors() {
    for line in PARSE_CASES.lines().skip(1) {
        let (input, want) = line.split_once(" => ").or(line.split_once("=>")).unwrap_or_default();
        let input = input.strip_prefix("        ").unwrap_or(input);
        assert_eq!(canonical(input), want.trim_end(), "{input:?}");
    }
}

#[test]
fn validation_errors() {
    let key_msg = "unable to parse requirement: <nil>: Invalid value: \"A_\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    assert_eq!(canonical("A_=1"), key_msg);
    let val_msg = "unable to parse requirement: values[0][a]: Invalid value: \"b_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    assert_eq!(canonical("a=b_"), val_msg);
    let both = canonical("x>a_");
    assert!(both.starts_with("unable to parse requirement: [values[0]: Invalid value: \"a_\": for 'Gt'"));
    assert!(both.contains(", values[0][x]: Invalid value: \"a_\": a valid label"));
}

#[test]
fn matching() {
    let l = labels(&[("app", "web"), ("tier", "a"), ("n", "5")]);
    #[rustfmt::skip]
    let yes = ["", "app=web", "app==web", "app!=db", "tier in (a,b)", "tier notin (b)",
        "missing notin (x)", "missing!=x", "app", "!missing", "n>4", "n<6", "app=web,tier in (a)"];
    #[rustfmt::skip]
    let no = ["app=db", "app!=web", "tier in (b)", "tier notin (a)", "missing", "!app", "n>5",
        "n<5", "app>1", "missing in (x)", "missing="];
    for s in yes {
        assert!(Selector::parse(s).is_ok_and(|sel| sel.matches(&l)), "{s}");
    }
    for s in no {
        assert!(Selector::parse(s).is_ok_and(|sel| !sel.matches(&l)), "{s}");
    }
    assert!(Selector::everything().matches(&BTreeMap::new()) && Selector::everything().is_empty());
    assert!(!Selector::nothing().matches(&BTreeMap::new()) && !Selector::nothing().is_empty());
    assert_eq!(Selector::nothing().to_string(), "");
    let sel = Selector::parse("a=1,b in (2),c in (3,4)").unwrap_or_default();
    assert_eq!(sel.requires_exact_match("a"), Some("1"));
    assert_eq!(sel.requires_exact_match("b"), Some("2"));
    assert_eq!(sel.requires_exact_match("c"), None);
    assert_eq!(Selector::from_set(&l).to_string(), "app=web,n=5,tier=a");
    assert!(Requirement::new("k", Operator::In, vec![]).is_err());
}

fn expr(key: &str, op: &str, values: Option<&[&str]>) -> Expr {
    let values = values.map(|v| v.iter().map(|s| s.to_string()).collect());
    Expr {
        key: key.to_string(),
        operator: op.to_string(),
        values,
    }
}

fn exprs(list: Vec<Expr>) -> LabelSelector {
    LabelSelector {
        match_expressions: Some(list),
        match_labels: None,
    }
}

#[test]
fn label_selector_conversion() {
    let ml = Some(labels(&[("pod-template-hash", "7c5ddbdf54"), ("app", "web")]));
    let sel = LabelSelector {
        match_labels: ml,
        match_expressions: None,
    };
    assert_eq!(format_label_selector(&sel), "app=web,pod-template-hash=7c5ddbdf54");
    let sel = LabelSelector {
        match_labels: Some(labels(&[("app", "web")])),
        match_expressions: Some(vec![
            expr("tier", "In", Some(&["b", "a"])),
            expr("env", "NotIn", Some(&["prod"])),
            expr("gpu", "Exists", None),
            expr("legacy", "DoesNotExist", Some(&[])),
        ]),
    };
    let want = "app=web,env notin (prod),gpu,!legacy,tier in (a,b)";
    assert_eq!(format_label_selector(&sel), want);
    let l = labels(&[("app", "web"), ("tier", "a"), ("gpu", "")]);
    assert!(label_selector_matches(&sel, &l));
    assert!(!label_selector_matches(&sel, &labels(&[("app", "web")])));
    assert!(opt_label_selector_matches(Some(&sel), &l));
    assert!(!opt_label_selector_matches(None, &l));

    let empty = LabelSelector::default();
    assert_eq!(format_label_selector(&empty), "<none>");
    assert!(label_selector_matches(&empty, &BTreeMap::new()));
    assert!(opt_label_selector_matches(Some(&empty), &l));

    let bad = exprs(vec![expr("a", "Foo", None)]);
    assert_eq!(format_label_selector(&bad), "<error>");
    let err = Selector::from_label_selector(&bad).err();
    assert_eq!(err.as_deref(), Some("\"Foo\" is not a valid label selector operator"));
    assert!(!label_selector_matches(&bad, &l));
    #[rustfmt::skip]
    let cases = [
        (expr("a", "In", None), "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
        (expr("a", "In", Some(&[])), "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
        (expr("a", "Exists", Some(&["x"])), "values: Invalid value: [\"x\"]: values set must be empty for exists and does not exist"),
        (expr("a", "In", Some(&["-x"])), "values[0][a]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
    ];
    for (e, want) in cases {
        let err = Selector::from_label_selector(&exprs(vec![e])).err();
        assert_eq!(err.as_deref(), Some(want));
    }
    let bad_key = LabelSelector {
        match_labels: Some(labels(&[("a b", "x")])),
        ..Default::default()
    };
    let err = Selector::from_label_selector(&bad_key).err().unwrap_or_default();
    assert!(err.starts_with("key: Invalid value: \"a b\": name part must consist"));
}

#[test]
fn field_selectors() {
    let fs = FieldSelector::parse("status.phase!=Running,metadata.name=x").unwrap_or_default();
    assert_eq!(fs.to_string(), "metadata.name=x,status.phase!=Running");
    let get = |name: &'static str, phase: &'static str| {
        move |f: &str| match f {
            "metadata.name" => Some(name.to_string()),
            "status.phase" => Some(phase.to_string()),
            _ => None,
        }
    };
    assert!(fs.matches(get("x", "Pending")));
    assert!(!fs.matches(get("x", "Running")));
    assert!(!fs.matches(get("y", "Pending")));
    let fs = FieldSelector::parse("metadata.name==x").unwrap_or_default();
    assert_eq!(fs.to_string(), "metadata.name=x");
    assert!(FieldSelector::parse("").is_ok_and(|f| f.is_empty() && f.matches(|_| None)));
    assert!(FieldSelector::parse("spec.nodeName=").is_ok_and(|f| f.matches(|_| None)));
    assert!(FieldSelector::parse("a!=").is_ok_and(|f| !f.matches(|_| None)));
    let esc = FieldSelector::parse(r"a=x\,y\=z").unwrap_or_default();
    assert_eq!(esc.requirements()[0].value, "x,y=z");
    assert_eq!(esc.to_string(), r"a=x\,y\=z");
    #[rustfmt::skip]
    let errors = [
        ("foo", "invalid selector: 'foo'; can't understand 'foo'"),
        (r"a=\q", r"invalid field selector: invalid escape sequence: \q"),
        ("a=b=c", "invalid field selector: unescaped character in value: 61"),
    ];
    for (input, want) in errors {
        assert_eq!(FieldSelector::parse(input).err().as_deref(), Some(want));
    }
}
