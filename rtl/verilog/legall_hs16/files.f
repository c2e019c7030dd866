shared/uhdpipe_dff1.v
shared/uhdpipe_dff13.v
shared/uhdpipe_dff17.v
shared/uhdpipe_lanes_86f30dd6.v
shared/uhdpipe_q_b07a8580.v
legall_hs16/uhdpipe_legall_hs16.v
