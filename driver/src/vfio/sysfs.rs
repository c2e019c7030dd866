//! A PCI function as sysfs describes it: IDs, bound driver, IOMMU group — and whether VFIO
//! can open it, with advice when it cannot. Every path is taken relative to a root (`/` on a
//! real system) so that tests can build a fake tree.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// AMD/Xilinx's PCI vendor ID (Alveo cards).
pub const VENDOR_XILINX: u16 = 0x10ee;

/// What sysfs says about one PCI function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PciFunction {
    /// Full address, `DDDD:BB:DD.F`.
    pub bdf: String,
    /// Vendor ID.
    pub vendor: u16,
    /// Device ID.
    pub device: u16,
    /// Class code (24 bits).
    pub class: u32,
    /// The bound driver's name, if any.
    pub driver: Option<String>,
    /// The IOMMU group number, if the kernel put the function in one.
    pub iommu_group: Option<u32>,
}

/// `BB:DD.F` or `DDDD:BB:DD.F` as `DDDD:BB:DD.F` (lower case).
pub fn normalise_bdf(bdf: &str) -> String {
    let b = bdf.to_ascii_lowercase();
    if b.matches(':').count() == 1 {
        format!("0000:{b}")
    } else {
        b
    }
}

fn read_hex(path: &Path) -> Result<u64> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { what: "read a sysfs attribute", source })?;
    let t = text.trim();
    u64::from_str_radix(t.trim_start_matches("0x"), 16).map_err(|_| Error::Device { what: format!("{}: expected a hexadecimal number, found {t:?}", path.display()) })
}

fn link_name(path: &Path) -> Option<String> {
    std::fs::read_link(path).ok().and_then(|t| t.file_name().map(|n| n.to_string_lossy().into_owned()))
}

/// Reads `root/sys/bus/pci/devices/<bdf>/`.
pub fn inspect(root: &Path, bdf: &str) -> Result<PciFunction> {
    let bdf = normalise_bdf(bdf);
    let dir: PathBuf = root.join("sys/bus/pci/devices").join(&bdf);
    if !dir.exists() {
        return Err(Error::Device { what: format!("no PCI function {bdf} (is the card present? `lspci -D` lists the addresses)") });
    }
    let iommu_group = match link_name(&dir.join("iommu_group")) {
        Some(n) => Some(n.parse().map_err(|_| Error::Device { what: format!("{bdf}: IOMMU group link names {n:?}, not a number") })?),
        None => None,
    };
    Ok(PciFunction {
        vendor: read_hex(&dir.join("vendor"))? as u16,
        device: read_hex(&dir.join("device"))? as u16,
        class: read_hex(&dir.join("class"))? as u32,
        driver: link_name(&dir.join("driver")),
        iommu_group,
        bdf,
    })
}

/// Checks that VFIO can open `f`: bound to `vfio-pci`, in an IOMMU group, and the group's
/// device node `root/dev/vfio/<group>` exists. Returns that node, or an error saying what to
/// do.
pub fn vfio_group_node(root: &Path, f: &PciFunction) -> Result<PathBuf> {
    let bdf = &f.bdf;
    match f.driver.as_deref() {
        Some("vfio-pci") => {}
        Some(other) => {
            return Err(Error::Device {
                what: format!("{bdf} is bound to {other}, not vfio-pci: echo {bdf} > /sys/bus/pci/devices/{bdf}/driver/unbind; echo vfio-pci > /sys/bus/pci/devices/{bdf}/driver_override; echo {bdf} > /sys/bus/pci/drivers_probe")
            })
        }
        None => return Err(Error::Device { what: format!("{bdf} has no driver: echo vfio-pci > /sys/bus/pci/devices/{bdf}/driver_override; echo {bdf} > /sys/bus/pci/drivers_probe") }),
    }
    let group = f.iommu_group.ok_or_else(|| Error::Device { what: format!("{bdf} is in no IOMMU group: enable the IOMMU (intel_iommu=on or amd_iommu=on) or VFIO's no-IOMMU mode") })?;
    let node = root.join("dev/vfio").join(group.to_string());
    if !node.exists() {
        return Err(Error::Device { what: format!("{} does not exist: this kernel has no VFIO, or vfio-pci has not claimed the group", node.display()) });
    }
    Ok(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake root with one function.
    fn tree(driver: Option<&str>, group: Option<u32>, dev_node: bool) -> PathBuf {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let root = std::env::temp_dir().join(format!("uhdpipe-sysfs-{}-{}", std::process::id(), N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
        let _ = std::fs::remove_dir_all(&root);
        let dev = root.join("sys/bus/pci/devices/0000:65:00.0");
        std::fs::create_dir_all(&dev).unwrap();
        std::fs::write(dev.join("vendor"), "0x10ee\n").unwrap();
        std::fs::write(dev.join("device"), "0x903f\n").unwrap();
        std::fs::write(dev.join("class"), "0x058000\n").unwrap();
        if let Some(d) = driver {
            std::os::unix::fs::symlink(format!("../../../../bus/pci/drivers/{d}"), dev.join("driver")).unwrap();
        }
        if let Some(g) = group {
            std::os::unix::fs::symlink(format!("../../../../kernel/iommu_groups/{g}"), dev.join("iommu_group")).unwrap();
        }
        if dev_node {
            std::fs::create_dir_all(root.join("dev/vfio")).unwrap();
            std::fs::write(root.join(format!("dev/vfio/{}", group.unwrap())), "").unwrap();
        }
        root
    }

    #[test]
    fn reads_ids_driver_and_group() {
        let root = tree(Some("vfio-pci"), Some(42), true);
        let f = inspect(&root, "65:00.0").unwrap();
        assert_eq!((f.bdf.as_str(), f.vendor, f.device, f.class), ("0000:65:00.0", VENDOR_XILINX, 0x903f, 0x058000));
        assert_eq!((f.driver.as_deref(), f.iommu_group), (Some("vfio-pci"), Some(42)));
        assert_eq!(vfio_group_node(&root, &f).unwrap(), root.join("dev/vfio/42"));
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn explains_what_is_missing() {
        let msg = |r: Result<PathBuf>| match r {
            Err(Error::Device { what }) => what,
            other => panic!("{other:?}"),
        };
        let root = tree(Some("xdma"), Some(3), false);
        let f = inspect(&root, "0000:65:00.0").unwrap();
        assert!(msg(vfio_group_node(&root, &f)).contains("bound to xdma, not vfio-pci"));
        let root2 = tree(None, None, false);
        let f = inspect(&root2, "0000:65:00.0").unwrap();
        assert!(msg(vfio_group_node(&root2, &f)).contains("has no driver"));
        let root3 = tree(Some("vfio-pci"), Some(7), false);
        let f = inspect(&root3, "0000:65:00.0").unwrap();
        assert!(msg(vfio_group_node(&root3, &f)).contains("dev/vfio/7 does not exist"));
        assert!(matches!(inspect(&root3, "0000:66:00.0"), Err(Error::Device { .. })), "absent function");
        std::fs::write(root3.join("sys/bus/pci/devices/0000:65:00.0/vendor"), "xyz\n").unwrap();
        assert!(matches!(inspect(&root3, "0000:65:00.0"), Err(Error::Device { .. })), "bad attribute");
        for r in [root, root2, root3] {
            let _ = std::fs::remove_dir_all(r);
        }
    }
}
