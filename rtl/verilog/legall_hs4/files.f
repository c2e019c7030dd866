shared/uhdpipe_dff1.v
shared/uhdpipe_dff13.v
shared/uhdpipe_dff17.v
shared/uhdpipe_lanes_86f30dd6.v
shared/uhdpipe_q_61f2071c.v
legall_hs4/uhdpipe_legall_hs4.v
