//! Time per pipeline stage, for `build --timings` and the benchmarks, with
//! the memory the process holds when each stage ends.

use std::time::{Duration, Instant};

/// One stage (or part of one): its name, how long it took, and the
/// process's resident memory in bytes when it ended (where the system
/// tells it).
#[derive(Debug, Clone, PartialEq)]
pub struct Lap {
    pub stage: &'static str,
    pub time: Duration,
    pub resident: Option<u64>,
}

/// Time per pipeline stage (or part of one), in order.
pub type Timings = Vec<Lap>;

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

    pub fn lap(&mut self, stage: &'static str) {
        self.list.push(Lap {
            stage,
            time: self.clock.elapsed(),
            resident: resident(),
        });
        self.clock = Instant::now();
    }
}

impl Default for Laps {
    fn default() -> Self {
        Self::new()
    }
}

/// The process's resident set size in bytes (`VmRSS` in Linux's
/// `/proc/self/status`); `None` elsewhere.
pub fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A lap as `build --timings` prints it: the stage, milliseconds, and the
/// resident memory in MB when known.
pub fn line(lap: &Lap) -> String {
    let ms = lap.time.as_secs_f64() * 1000.0;
    match lap.resident {
        Some(b) => format!("{:<34} {ms:9.1} ms {:7} MB", lap.stage, b / 1_000_000),
        None => format!("{:<34} {ms:9.1} ms", lap.stage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lap_is_named_timed_and_measured() {
        let mut laps = Laps::new();
        let held = vec![1u8; 8 << 20];
        laps.lap("stage");
        assert_eq!(laps.list[0].stage, "stage");
        if cfg!(target_os = "linux") {
            // Eight MiB just written are resident.
            assert!(laps.list[0].resident.unwrap() > 8 << 20);
        }
        assert!(line(&laps.list[0]).starts_with("stage "));
        drop(held);
    }
}
