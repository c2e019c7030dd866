shared/uhdpipe_dff1.v
shared/uhdpipe_dff13.v
shared/uhdpipe_dff16.v
shared/uhdpipe_lanes_aa28f13b.v
shared/uhdpipe_q_68405ae0.v
legall_h4/uhdpipe_legall_h4.v
