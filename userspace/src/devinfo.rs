//! `uhdpipe devinfo`: what the device says about itself (identification, versions,
//! capabilities, build parameters, register blocks), read through the real driver.

use crate::{Backend, Error, Result};
use crate::accel::{LocalSim, REPLY_TIMEOUT};
use std::path::Path;
use uhdpipe_driver::regmap::{self, discover, Identity, IDENT};
use uhdpipe_driver::vfio_user::client::Client;

/// Connects to the device `backend` names (for `sim`: the server at `socket`, or one started
/// here) and returns its description.
pub fn devinfo(backend: &Backend, socket: Option<&Path>) -> Result<String> {
    match backend {
        Backend::Model => Err(Error::Usage("devinfo describes a device: use --backend sim (the simulated device) or --backend vfio:BDF".into())),
        Backend::Vfio(bdf) => {
            // Says precisely why a card cannot be used (absent, wrong driver, no IOMMU group,
            // no VFIO in the kernel) when it cannot.
            let mut v = uhdpipe_driver::vfio::kernel::KernelVfio::open(Path::new("/"), bdf)?;
            let id = discover(&mut v, 4096)?;
            let how = format!("the card at {bdf} (kernel VFIO, BAR0 {})", if v.bar_mapped() { "mapped" } else { "through the device descriptor" });
            Ok(format(&id, &how, "kernel VFIO", 4096))
        }
        Backend::Sim => {
            let local = if socket.is_none() { Some(LocalSim::start()?) } else { None };
            let path = socket.map(Path::to_path_buf).unwrap_or_else(|| local.as_ref().unwrap().socket.clone());
            let mut c = Client::connect(&path, REPLY_TIMEOUT)?;
            let bar = c.region_info(0)?;
            let id = discover(&mut c, bar.size)?;
            let how = if local.is_some() { "the simulated device (Verilated RTL, started by this command)".to_string() } else { format!("the simulated device at {}", path.display()) };
            Ok(format(&id, &how, &format!("vfio-user ({})", c.server.capabilities), bar.size))
        }
    }
}

/// The human-readable description.
pub fn format(id: &Identity, how: &str, transport_caps: &str, bar_size: u64) -> String {
    let build = |f: &str| IDENT.register("BUILD").field(f).get(id.build);
    // The map's own descriptions of the CAPS bits set.
    let have: Vec<&str> = IDENT.register("CAPS").fields.iter().filter(|f| f.get(id.caps) != 0).map(|f| f.doc).collect();
    let mut s = format!("device:        uhdpipe, via {how}\n");
    s += &format!("transport:     {transport_caps}; BAR0 {bar_size} bytes\n");
    s += &format!("register map:  identification block version {}.{}\n", id.version >> 16, id.version & 0xffff);
    s += &format!("capabilities:  {}\n", if have.is_empty() { "none yet (no job type reaches the pipeline in this build)".to_string() } else { have.join(", ") });
    s += &if build("MAX_DEPTH") == 0 {
        format!("build:         {} samples/clock; no wavelet transform in this build\n", build("PPC"))
    } else {
        format!("build:         {} samples/clock, lines up to {} samples, wavelet depth up to {}\n", build("PPC"), 1u64 << build("MAX_WIDTH_LOG2"), build("MAX_DEPTH"))
    };
    s += &format!("clock:         {}\n", if id.clock_khz == 0 { "not fixed (simulation)".to_string() } else { format!("{:.3} MHz", id.clock_khz as f64 / 1000.0) });
    s += "blocks:\n";
    for (off, kind, v) in &id.blocks {
        let name = regmap::MAP.iter().find(|b| b.kind == *kind).map(|b| b.name).unwrap_or("unknown (skipped)");
        s += &format!("  0x{off:04x}  {name:<10} type 0x{kind:08x}, version {}.{}\n", v >> 16, v & 0xffff);
    }
    s
}
