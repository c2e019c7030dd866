//! `uhdpipe-simdev`: the simulated uhdpipe PCIe device as its own process — the Verilated
//! device core behind a vfio-user server on a UNIX socket, serving one client at a time
//! until killed. Point the driver at it with `uhdpipe ... --backend sim --socket PATH`.
//!
//! ```text
//! uhdpipe-simdev --socket /tmp/uhdpipe.sock [--read-latency CLOCKS] [--stall PER_MILLE] [--exit-with-stdin]
//! ```
//!
//! `uhdpipe --backend sim` (the library's `LocalSim`) starts it this way, with
//! `--exit-with-stdin`: it then exits when its standard input closes, so that it never
//! outlives the program that started it.

use std::path::PathBuf;
use uhdpipe_sim::core::BusConfig;

fn usage() -> ! {
    eprintln!(
        "usage: uhdpipe-simdev --socket PATH [--read-latency CLOCKS] [--stall PER_MILLE] [--exit-with-stdin]\n\n\
         Serves the simulated uhdpipe device (Verilated RTL) over vfio-user on PATH (which must\n\
         not exist) until killed. --read-latency: host memory read latency in device clocks\n\
         (default 32); --stall: per mille of clocks in which host memory withholds ready/valid\n\
         (default 0); --exit-with-stdin: exit when standard input closes (the starting\n\
         program went away)."
    );
    std::process::exit(2)
}

fn main() {
    let mut socket: Option<PathBuf> = None;
    let mut cfg = BusConfig::default();
    let mut exit_with_stdin = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--socket" => socket = Some(PathBuf::from(value())),
            "--read-latency" => cfg.read_latency = value().parse().unwrap_or_else(|_| usage()),
            "--stall" => cfg.stall_per_mille = value().parse::<u32>().ok().filter(|v| *v < 1000).unwrap_or_else(|| usage()),
            "--exit-with-stdin" => exit_with_stdin = true,
            "-h" | "--help" => usage(),
            _ => usage(),
        }
    }
    let socket = socket.unwrap_or_else(|| usage());
    let listener = match std::os::unix::net::UnixListener::bind(&socket) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("uhdpipe-simdev: cannot bind {}: {e}", socket.display());
            std::process::exit(1)
        }
    };
    if exit_with_stdin {
        std::thread::spawn(|| {
            use std::io::Read;
            let mut sink = [0u8; 64];
            while std::io::stdin().read(&mut sink).is_ok_and(|n| n > 0) {}
            std::process::exit(0)
        });
    }
    eprintln!("uhdpipe-simdev: serving the simulated device on {}", socket.display());
    let mut dev = uhdpipe_sim::device::SimDevice::new(cfg);
    if let Err(e) = uhdpipe_driver::vfio_user::server::serve(&listener, &mut dev) {
        eprintln!("uhdpipe-simdev: {e}");
        std::process::exit(1)
    }
}
