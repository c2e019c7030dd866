//! The hardware blocks, one per file.

pub mod device;
pub mod dma_reader;
pub mod dma_writer;
pub mod job_engine;
pub mod legall_fwd;
pub mod legall_h;
pub mod legall_inv;
pub mod legall_v;
pub mod legall_v_lane;
pub mod lift_fwd;
pub mod lift_h;
pub mod lift_mac;
pub mod lift_unit;
pub mod lift_v;
pub mod lift_v_lane;
pub mod lift_v_unit;
pub mod line_ram;
pub mod ll_join;
pub mod ll_pack;
pub mod pack10;
pub mod pair_queue;
pub mod regs_ident;
pub mod regs_queue;
pub mod stream_queue;
pub mod unpack10;
pub mod v_frame;
