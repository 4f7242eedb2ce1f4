//! What a Fluent pattern refers to: terms, variables and messages, for reference checks.

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

/// One reference found in a pattern.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reference {
    /// `{ -name }` (stored without the dash).
    Term(String),
    /// `{ $name }`.
    Variable(String),
    /// `{ message }` or `{ message.attr }`.
    Message(String),
}

impl Reference {
    /// How the reference is written in Fluent, e.g. `-wpm` or `$support-email`.
    pub fn spelling(&self) -> String {
        match self {
            Self::Term(name) => format!("-{name}"),
            Self::Variable(name) => format!("${name}"),
            Self::Message(name) => name.clone(),
        }
    }
}

/// Every reference in `pattern`, in order of appearance (with repeats).
pub fn collect(pattern: &Pattern<&str>) -> Vec<Reference> {
    let mut out = Vec::new();
    pattern_refs(pattern, &mut out);
    out
}

fn pattern_refs(pattern: &Pattern<&str>, out: &mut Vec<Reference>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_refs(expression, out);
        }
    }
}

fn expression_refs(expression: &Expression<&str>, out: &mut Vec<Reference>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_refs(selector, out);
            for variant in variants {
                pattern_refs(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_refs(inline, out),
    }
}

fn inline_refs(inline: &InlineExpression<&str>, out: &mut Vec<Reference>) {
    match inline {
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_refs(arg, out);
            }
            for arg in &arguments.named {
                inline_refs(&arg.value, out);
            }
        }
        InlineExpression::MessageReference { id, .. } => {
            out.push(Reference::Message(id.name.to_owned()));
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            out.push(Reference::Term(id.name.to_owned()));
            if let Some(arguments) = arguments {
                for arg in &arguments.positional {
                    inline_refs(arg, out);
                }
                for arg in &arguments.named {
                    inline_refs(&arg.value, out);
                }
            }
        }
        InlineExpression::VariableReference { id } => {
            out.push(Reference::Variable(id.name.to_owned()));
        }
        InlineExpression::Placeable { expression } => expression_refs(expression, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    #[test]
    fn finds_terms_variables_and_messages_in_selects() {
        let src =
            "m = { -a } { $v ->\n    [one] { -b(case: \"x\") }\n   *[other] { other-msg }\n}\n";
        let resource = fluent_syntax::parser::parse(src).expect("parses");
        let Some(Entry::Message(message)) = resource.body.first() else {
            panic!("no message");
        };
        let refs = collect(message.value.as_ref().expect("value"));
        assert_eq!(
            refs,
            [
                Reference::Term("a".into()),
                Reference::Variable("v".into()),
                Reference::Term("b".into()),
                Reference::Message("other-msg".into()),
            ]
        );
    }
}
