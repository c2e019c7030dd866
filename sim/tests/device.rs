//! The driver against the simulated device over a real UNIX socket: discovery of the
//! Verilated identification registers through vfio-user and AXI4-Lite, the scratch register,
//! refused accesses, and reset by reconnecting.

use std::time::Duration;
use uhdpipe_driver::regmap::{discover, IDENT, MAGIC, QUEUE};
use uhdpipe_driver::transport::Transport;
use uhdpipe_driver::vfio_user::client::Client;
use uhdpipe_driver::Error;
use uhdpipe_sim::device::{spawn_at, BAR0_SIZE};

fn start() -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("uhdpipe-simdev-{}-{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let sock = dir.join("dev.sock");
    spawn_at(&sock, Default::default()).unwrap();
    (sock, dir)
}

#[test]
fn the_driver_discovers_the_verilated_registers() {
    let (sock, dir) = start();
    let mut c = Client::connect(&sock, Duration::from_secs(5)).unwrap();
    assert_eq!(c.region_info(0).unwrap().size, BAR0_SIZE);
    let id = discover(&mut c, BAR0_SIZE).unwrap();
    assert_eq!(id.blocks, vec![(0, MAGIC, IDENT.version), (QUEUE.base, QUEUE.kind, QUEUE.version)]);
    assert_eq!(id.build & 0xff, 4, "samples per clock of the packing stage");
    c.write32(0, 0x18, 0x1234_5678).unwrap();
    assert_eq!(c.read32(0, 0x18).unwrap(), 0x1234_5678, "SCRATCH holds what was written");
    c.write32(0, 0x0c, 0xffff_ffff).unwrap();
    assert_eq!(c.read32(0, 0x0c).unwrap(), id.caps, "CAPS is read-only");
    assert!(matches!(c.read32(0, 0x2), Err(Error::Remote { errno: 22, .. })), "unaligned");
    assert!(matches!(c.read32(1, 0), Err(Error::Remote { errno: 22, .. })), "no BAR1");
    drop(c);
    let mut c = Client::connect(&sock, Duration::from_secs(5)).unwrap();
    assert_eq!(c.read32(0, 0x18).unwrap(), 0, "a new client gets a reset device");
    let _ = std::fs::remove_dir_all(dir);
}
