//! The one error vocabulary: API status errors with Kubernetes' reasons, field validation errors,
//! and plain `error: ...` messages. The cli renders them once, with kubectl's exact text.

use kubesim_model::Kind;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `metav1.StatusReason` values kubectl shows in `Error from server (<Reason>)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    NotFound,
    AlreadyExists,
    Conflict,
    BadRequest,
    Forbidden,
    TooManyRequests,
    InternalError,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NotFound => "NotFound",
            Reason::AlreadyExists => "AlreadyExists",
            Reason::Conflict => "Conflict",
            Reason::BadRequest => "BadRequest",
            Reason::Forbidden => "Forbidden",
            Reason::TooManyRequests => "TooManyRequests",
            Reason::InternalError => "InternalError",
        }
    }
}

/// One cause of an Invalid error: `spec.replicas: Invalid value: -1: must be ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub detail: String,
}

impl FieldError {
    pub fn required(field: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            detail: "Required value".into(),
        }
    }

    pub fn required_msg(field: impl Into<String>, msg: &str) -> Self {
        FieldError {
            field: field.into(),
            detail: format!("Required value: {msg}"),
        }
    }

    /// `value` is already rendered the Go way (see [`go_quote`] for strings).
    pub fn invalid(field: impl Into<String>, value: impl std::fmt::Display, msg: &str) -> Self {
        FieldError {
            field: field.into(),
            detail: format!("Invalid value: {value}: {msg}"),
        }
    }

    pub fn unsupported(field: impl Into<String>, value: &str, supported: &[&str]) -> Self {
        let list: Vec<String> = supported.iter().map(|s| go_quote(s)).collect();
        FieldError {
            field: field.into(),
            detail: format!(
                "Unsupported value: {}: supported values: {}",
                go_quote(value),
                list.join(", ")
            ),
        }
    }

    pub fn forbidden(field: impl Into<String>, msg: &str) -> Self {
        FieldError {
            field: field.into(),
            detail: format!("Forbidden: {msg}"),
        }
    }

    pub fn duplicate(field: impl Into<String>, value: &str) -> Self {
        FieldError {
            field: field.into(),
            detail: format!("Duplicate value: {}", go_quote(value)),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.detail)
    }
}

pub use super::gostr::go_quote;

/// Everything that can go wrong in a command.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// `Error from server (<reason>): <context><message>`.
    Status {
        reason: Reason,
        message: String,
        context: String,
    },
    /// `The <Kind> "<name>" is invalid: <causes>`.
    Invalid {
        kind: String,
        name: String,
        causes: Vec<FieldError>,
    },
    /// `error: <message>`.
    Msg(String),
    /// Printed exactly as given (kubectl prints some final lines without `error: `).
    Raw(String),
}

impl Error {
    pub fn not_found(kind: Kind, name: &str) -> Self {
        Error::Status {
            reason: Reason::NotFound,
            message: format!("{} {} not found", kind.resource(), go_quote(name)),
            context: String::new(),
        }
    }

    pub fn already_exists(kind: Kind, name: &str) -> Self {
        Error::Status {
            reason: Reason::AlreadyExists,
            message: format!("{} {} already exists", kind.resource(), go_quote(name)),
            context: String::new(),
        }
    }

    pub fn invalid(kind: Kind, name: &str, causes: Vec<FieldError>) -> Self {
        Error::Invalid {
            kind: kind.name().to_string(),
            name: name.to_string(),
            causes,
        }
    }

    pub fn msg(m: impl Into<String>) -> Self {
        Error::Msg(m.into())
    }

    /// Adds kubectl's `error when creating "file.yaml": ` style context to a status error.
    pub fn with_context(self, ctx: String) -> Self {
        match self {
            Error::Status { reason, message, .. } => Error::Status {
                reason,
                message,
                context: ctx,
            },
            other => other,
        }
    }

    /// The text kubectl prints for this error on stderr (without the trailing newline).
    pub fn render(&self) -> String {
        match self {
            Error::Status {
                reason,
                message,
                context,
            } => {
                format!("Error from server ({}): {context}{message}", reason.as_str())
            }
            Error::Invalid { kind, name, causes } => {
                if causes.len() == 1 {
                    format!("The {kind} {} is invalid: {}", go_quote(name), causes[0])
                } else {
                    let mut s = format!("The {kind} {} is invalid: ", go_quote(name));
                    for c in causes {
                        s.push_str(&format!("\n* {c}"));
                    }
                    s
                }
            }
            Error::Msg(m) => {
                if m.starts_with("error: ") {
                    m.clone()
                } else {
                    format!("error: {m}")
                }
            }
            Error::Raw(m) => m.clone(),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_kubectl() {
        assert_eq!(
            Error::not_found(Kind::Deployment, "x").render(),
            r#"Error from server (NotFound): deployments.apps "x" not found"#
        );
        assert_eq!(
            Error::not_found(Kind::Pod, "x").render(),
            r#"Error from server (NotFound): pods "x" not found"#
        );
        let e = Error::invalid(
            Kind::Deployment,
            "web",
            vec![FieldError::invalid(
                "spec.replicas",
                -1,
                "must be greater than or equal to 0",
            )],
        );
        assert_eq!(
            e.render(),
            r#"The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"#
        );
        let two = Error::invalid(
            Kind::Deployment,
            "web",
            vec![
                FieldError::required("spec.selector"),
                FieldError::required("spec.template"),
            ],
        );
        assert_eq!(
            two.render(),
            "The Deployment \"web\" is invalid: \n* spec.selector: Required value\n* spec.template: Required value"
        );
        assert_eq!(Error::msg("boom").render(), "error: boom");
        assert_eq!(
            FieldError::unsupported("spec.x", "B", &["A", "C"]).to_string(),
            r#"spec.x: Unsupported value: "B": supported values: "A", "C""#
        );
    }
}
