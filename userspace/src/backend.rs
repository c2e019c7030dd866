//! Where a job runs: the CPU model, the simulated device, or a real card.

use std::fmt;
use std::str::FromStr;

/// An execution backend, as named by `--backend`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// The bit-exact CPU reference model.
    Model,
    /// The Verilated RTL behind a simulated vfio-user PCIe device.
    Sim,
    /// A card bound to vfio-pci at a PCI address such as `0000:65:00.0`.
    Vfio(String),
}

impl FromStr for Backend {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "model" => Ok(Backend::Model),
            "sim" => Ok(Backend::Sim),
            _ => match s.strip_prefix("vfio:") {
                Some(bdf) if is_bdf(bdf) => Ok(Backend::Vfio(bdf.to_string())),
                Some(bdf) => Err(format!("'{bdf}' is not a PCI address (expected DDDD:BB:DD.F or BB:DD.F, e.g. 0000:65:00.0)")),
                None => Err(format!("unknown backend '{s}': expected model, sim or vfio:BDF")),
            },
        }
    }
}

fn is_bdf(s: &str) -> bool {
    let hex = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit());
    let parts: Vec<&str> = s.split(':').collect();
    let (bus_dev_fn, domain_ok) = match parts.as_slice() {
        [d, b, rest] => ((b, rest), hex(d, 4)),
        [b, rest] => ((b, rest), true),
        _ => return false,
    };
    let (b, rest) = bus_dev_fn;
    match rest.split_once('.') {
        Some((dev, f)) => domain_ok && hex(b, 2) && hex(dev, 2) && matches!(f.as_bytes(), [b'0'..=b'7']),
        None => false,
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Backend::Model => write!(f, "model"),
            Backend::Sim => write!(f, "sim"),
            Backend::Vfio(b) => write!(f, "vfio:{b}"),
        }
    }
}

/// The jobs the device's pipeline runs in this build.
pub const DEVICE_JOBS: &[&str] = &["pack", "unpack", "decode"];

impl Backend {
    /// Checks that this backend can run `job`. The model runs everything; the device
    /// (simulated or a card) runs the jobs its pipeline has ([`DEVICE_JOBS`]).
    pub fn require_available(&self, job: &str) -> crate::Result<()> {
        match self {
            Backend::Model => Ok(()),
            Backend::Sim if DEVICE_JOBS.contains(&job) => Ok(()),
            Backend::Sim => Err(crate::Error::Backend(format!(
                "backend 'sim' is not available yet for {job}: the simulated device's pipeline runs only {} in this build. Use --backend model (the default).",
                DEVICE_JOBS.join(", ")
            ))),
            Backend::Vfio(_) if DEVICE_JOBS.contains(&job) => Ok(()),
            Backend::Vfio(bdf) => Err(crate::Error::Backend(format!(
                "backend 'vfio:{bdf}' is not available yet for {job}: the device's pipeline runs only {} in this build. Use --backend model (the default).", DEVICE_JOBS.join(", ")
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_backends() {
        assert_eq!("model".parse::<Backend>().unwrap(), Backend::Model);
        assert_eq!("sim".parse::<Backend>().unwrap(), Backend::Sim);
        assert_eq!("vfio:0000:65:00.0".parse::<Backend>().unwrap(), Backend::Vfio("0000:65:00.0".into()));
        assert_eq!("vfio:65:00.1".parse::<Backend>().unwrap(), Backend::Vfio("65:00.1".into()));
        assert!("vfio:65:00".parse::<Backend>().is_err());
        assert!("vfio:0000:65:00.8".parse::<Backend>().is_err());
        assert!("gpu".parse::<Backend>().is_err());
        assert!(Backend::Sim.require_available("scale").unwrap_err().to_string().contains("not available"));
        assert!(Backend::Model.require_available("decode").is_ok());
        assert!(Backend::Sim.require_available("pack").is_ok());
    }
}
