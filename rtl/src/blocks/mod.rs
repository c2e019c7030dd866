//! The hardware blocks, one per file.

pub mod legall_fwd;
pub mod legall_h;
pub mod legall_v;
pub mod legall_v_lane;
pub mod line_ram;
pub mod ll_pack;
pub mod regs_ident;
