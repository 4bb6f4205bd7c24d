//! The rates of `dues.toml` (the shipped file with the user's values over it) and what
//! a member's dues are reckoned from: a salary, a pension, neither, a fixed amount, or
//! an exemption.

use serde::{Deserialize, Serialize};

use super::DEFAULT_RULES;

/// The rates: `dues.toml`, the shipped file with the user's values over it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rates {
    pub salary_percent: f64,
    pub pension_percent: f64,
    /// Đồng a month.
    pub other_amount: i64,
    pub branch_keeps_percent: f64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserRates {
    salary_percent: Option<toml::Spanned<f64>>,
    pension_percent: Option<toml::Spanned<f64>>,
    other_amount: Option<toml::Spanned<i64>>,
    branch_keeps_percent: Option<toml::Spanned<f64>>,
}

impl Default for Rates {
    fn default() -> Rates {
        Rates::shipped()
    }
}

impl Rates {
    /// The shipped rates (tested to parse).
    pub fn shipped() -> Rates {
        toml::from_str(DEFAULT_RULES).unwrap_or(Rates {
            salary_percent: 1.0,
            pension_percent: 0.5,
            other_amount: 5000,
            branch_keeps_percent: 30.0,
        })
    }

    /// The shipped rates with the values a user's file names.
    pub fn with_user(text: &str) -> Result<Rates, String> {
        let user: UserRates = toml::from_str(text).map_err(|e| e.to_string())?;
        // a refused value is told with its place, as TOML tells its own errors
        let at = |start: usize, what: String| {
            let (line, column) = crate::domain::text::line_col(text, start);
            format!("TOML parse error at line {line}, column {column}\n{what}")
        };
        let mut r = Rates::shipped();
        for (name, value, field) in [
            (
                "salary_percent",
                &user.salary_percent,
                &mut r.salary_percent,
            ),
            (
                "pension_percent",
                &user.pension_percent,
                &mut r.pension_percent,
            ),
            (
                "branch_keeps_percent",
                &user.branch_keeps_percent,
                &mut r.branch_keeps_percent,
            ),
        ] {
            if let Some(p) = value {
                if !(0.0..=100.0).contains(p.get_ref()) {
                    let what = format!(
                        "{name} = {}: a percentage is between 0 and 100",
                        p.get_ref()
                    );
                    return Err(at(p.span().start, what));
                }
                *field = *p.get_ref();
            }
        }
        if let Some(a) = &user.other_amount {
            if *a.get_ref() < 0 {
                let what = format!("other_amount = {}: an amount is not negative", a.get_ref());
                return Err(at(a.span().start, what));
            }
            r.other_amount = *a.get_ref();
        }
        Ok(r)
    }

    /// What `basis` comes to in a month, in whole đồng (half up).
    pub fn monthly(&self, basis: &Basis) -> i64 {
        match basis {
            Basis::Salary(income) => share(*income, self.salary_percent),
            Basis::Pension(income) => share(*income, self.pension_percent),
            Basis::Other => self.other_amount,
            Basis::Fixed(amount) => *amount,
            Basis::Exempt(_) => 0,
        }
    }

    /// The part of `collected` the branch keeps; the rest goes up, so the two always
    /// add up to what was collected.
    pub fn branch_share(&self, collected: i64) -> i64 {
        share(collected, self.branch_keeps_percent)
    }
}

/// `percent` of `amount`, rounded half up to a whole đồng, computed in hundredths of a
/// percent so the result does not depend on floating point.
fn share(amount: i64, percent: f64) -> i64 {
    let bp = (percent * 100.0).round() as i128;
    ((amount as i128 * bp * 2 + 10_000) / 20_000) as i64
}

/// What a member's dues are reckoned from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A monthly salary (đồng): the salary rate.
    Salary(i64),
    /// A monthly pension (đồng): the pension rate.
    Pension(i64),
    /// Neither: the fixed amount of the rules. Every member's basis until one is set.
    Other,
    /// A fixed monthly amount the branch agreed.
    Fixed(i64),
    /// Exempt or suspended by the branch's decision (hardship), with the reason.
    Exempt(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_rates_are_those_of_the_rules() {
        let r = Rates::shipped();
        assert_eq!(r.monthly(&Basis::Salary(8_500_000)), 85_000);
        assert_eq!(r.monthly(&Basis::Pension(6_000_000)), 30_000);
        assert_eq!(r.monthly(&Basis::Other), 5_000);
        assert_eq!(r.monthly(&Basis::Fixed(20_000)), 20_000);
        assert_eq!(r.monthly(&Basis::Exempt("ốm dài ngày".into())), 0);
        // the two shares always add up to what was collected
        assert_eq!(r.branch_share(100_001), 30_000);
        assert_eq!(r.branch_share(5_000), 1_500);
    }

    #[test]
    fn a_user_file_overrides_only_what_it_names_and_bad_values_are_refused() {
        let r = Rates::with_user("branch_keeps_percent = 50\nother_amount = 2000\n").unwrap();
        assert_eq!(r.branch_keeps_percent, 50.0);
        assert_eq!(r.other_amount, 2000);
        assert_eq!(r.salary_percent, 1.0);
        assert!(
            Rates::with_user("salary_percent = 120")
                .unwrap_err()
                .contains("between 0 and 100")
        );
        assert!(Rates::with_user("other_amount = -1").is_err());
        assert!(
            Rates::with_user("salary = 1").is_err(),
            "an unknown key is refused"
        );
    }
}
