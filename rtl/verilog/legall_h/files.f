shared/uhdpipe_dff1.v
shared/uhdpipe_dff13.v
shared/uhdpipe_dff16.v
shared/uhdpipe_lanes_aa28f13b.v
shared/uhdpipe_q_0682b47a.v
legall_h/uhdpipe_legall_h.v
