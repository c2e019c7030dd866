//! The hardware blocks, one per file.

pub mod legall_h;
