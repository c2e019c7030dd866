//! CPU time of the process, shared by the speed examples.

/// User + system CPU time of this process so far (Linux `/proc/self/stat`, 100 ticks/s), so
/// that figures taken on a busy machine still say what one picture costs.
pub fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(") ").next().unwrap_or("").split(' ').collect();
    let tick = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}
