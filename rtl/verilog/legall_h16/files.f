shared/uhdpipe_dff1.v
shared/uhdpipe_dff13.v
shared/uhdpipe_dff16.v
shared/uhdpipe_lanes_aa28f13b.v
shared/uhdpipe_q_8ed3c349.v
legall_h16/uhdpipe_legall_h16.v
