//! Time per pipeline stage, for `build --timings` and the benchmarks.

use std::time::{Duration, Instant};

/// Time per pipeline stage (or part of one), in order.
pub type Timings = Vec<(&'static str, Duration)>;

/// A stopwatch that records the time since the last lap under a name.
pub struct Laps {
    clock: Instant,
    pub list: Timings,
}

impl Laps {
    pub fn new() -> Self {
        Laps {
            clock: Instant::now(),
            list: Timings::new(),
        }
    }

    pub fn lap(&mut self, name: &'static str) {
        self.list.push((name, self.clock.elapsed()));
        self.clock = Instant::now();
    }
}

impl Default for Laps {
    fn default() -> Self {
        Self::new()
    }
}
