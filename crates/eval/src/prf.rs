//! Precision, recall and F1 from true/false positive and false negative counts.

use serde::Serialize;

/// A tally of matches: the basis of every precision/recall/F1 figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in the gold.
    pub tp: usize,
    /// Predicted but not in the gold.
    pub fp: usize,
    /// In the gold but not predicted.
    pub fn_: usize,
}

/// Precision, recall and F1 with the counts they come from, as reports print them.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Prf {
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// Adds another tally.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// The figures (0 where undefined).
    pub fn prf(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.tp, self.tp + self.fp);
        let recall = ratio(self.tp, self.tp + self.fn_);
        let f1 = f1(precision, recall);
        Prf {
            precision,
            recall,
            f1,
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
        }
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P={:.4} R={:.4} F1={:.4}  (tp={} fp={} fn={})",
            self.precision, self.recall, self.f1, self.tp, self.fp, self.fn_
        )
    }
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_precision_recall_and_f1() {
        let p = Counts {
            tp: 8,
            fp: 2,
            fn_: 8,
        }
        .prf();
        assert!((p.precision - 0.8).abs() < 1e-9);
        assert!((p.recall - 0.5).abs() < 1e-9);
        assert!((p.f1 - 2.0 * 0.4 / 1.3).abs() < 1e-9);
        assert_eq!(Counts::default().prf().f1, 0.0);
    }
}
