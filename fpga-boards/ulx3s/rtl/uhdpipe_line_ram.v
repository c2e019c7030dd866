// uhdpipe line buffer for the ECP5 (ULX3S): the same module and behaviour as
// rtl/verilog/common/uhdpipe_line_ram.v (2^N words of D bits, read latency two, both read
// registers enabled by read_enable), built from DP16KD block RAMs with the output register
// (REGMODE_B "OUTREG"): yosys maps inferred RAMs without it, and the unregistered DP16KD's
// ~5.8 ns clock-to-output then caps the clock at ~125 MHz. Port A writes, port B reads.
// Word layout (Lattice TN1264): x18 for up to 1024 words (address on AD[13:4], AD[1:0] the
// write byte enables), x9 for 2048 (AD[13:3]), x4 for 4096 (AD[13:2]); the data is sliced
// across ceil(D / width) blocks. ci/synth-ecp5.sh uses this file instead of the portable one.
module uhdpipe_line_ram #(
    parameter integer D = 18,
    parameter integer N = 10
) (
    input wire clock,
    input wire [N-1:0] read_address,
    input wire read_enable,
    output wire [D-1:0] read_data,
    input wire [N-1:0] write_address,
    input wire write_enable,
    input wire [D-1:0] write_data
);
    localparam integer W = N <= 10 ? 18 : (N == 11 ? 9 : 4);
    localparam integer S = N <= 10 ? 4 : (N == 11 ? 3 : 2);
    localparam integer B = (D + W - 1) / W;
    wire [B*W-1:0] wide_in;
    wire [B*W-1:0] wide_out;
    assign wide_in[D-1:0] = write_data;
    assign read_data = wide_out[D-1:0];
    wire [13:0] wa = {{(14 - N){1'b0}}, write_address};
    wire [13:0] ra = {{(14 - N){1'b0}}, read_address};
    wire [13:0] ada = (wa << S) | (W == 18 ? 14'd3 : 14'd0);
    wire [13:0] adb = ra << S;
    genvar b;
    generate
        if (B * W > D) begin : pad
            assign wide_in[B*W-1:D] = 0;
            wire unused = &{1'b0, wide_out[B*W-1:D]};
        end
        for (b = 0; b < B; b = b + 1) begin : block
            wire [17:0] din;
            wire [17:0] dout;
            wire [17:0] doa; // port A only writes
            wire unused_a = &{1'b0, doa};
            assign din[W-1:0] = wide_in[b*W +: W];
            if (W < 18) begin : narrow
                assign din[17:W] = 0;
                wire unused = &{1'b0, dout[17:W]};
            end
            assign wide_out[b*W +: W] = dout[W-1:0];
            DP16KD #(
                .DATA_WIDTH_A(W),
                .DATA_WIDTH_B(W),
                .REGMODE_A("NOREG"),
                .REGMODE_B("OUTREG"),
                .RESETMODE("SYNC"),
                .ASYNC_RESET_RELEASE("SYNC"),
                .CSDECODE_A("0b000"),
                .CSDECODE_B("0b000"),
                .WRITEMODE_A("NORMAL"),
                .WRITEMODE_B("NORMAL"),
                .GSR("DISABLED")
            ) ram (
                .CLKA(clock),
                .CEA(1'b1),
                .OCEA(1'b1),
                .WEA(write_enable),
                .RSTA(1'b0),
                .CSA0(1'b0),
                .CSA1(1'b0),
                .CSA2(1'b0),
                .ADA0(ada[0]),
                .ADA1(ada[1]),
                .ADA2(ada[2]),
                .ADA3(ada[3]),
                .ADA4(ada[4]),
                .ADA5(ada[5]),
                .ADA6(ada[6]),
                .ADA7(ada[7]),
                .ADA8(ada[8]),
                .ADA9(ada[9]),
                .ADA10(ada[10]),
                .ADA11(ada[11]),
                .ADA12(ada[12]),
                .ADA13(ada[13]),
                .DIA0(din[0]),
                .DIA1(din[1]),
                .DIA2(din[2]),
                .DIA3(din[3]),
                .DIA4(din[4]),
                .DIA5(din[5]),
                .DIA6(din[6]),
                .DIA7(din[7]),
                .DIA8(din[8]),
                .DIA9(din[9]),
                .DIA10(din[10]),
                .DIA11(din[11]),
                .DIA12(din[12]),
                .DIA13(din[13]),
                .DIA14(din[14]),
                .DIA15(din[15]),
                .DIA16(din[16]),
                .DIA17(din[17]),
                .DOA0(doa[0]),
                .DOA1(doa[1]),
                .DOA2(doa[2]),
                .DOA3(doa[3]),
                .DOA4(doa[4]),
                .DOA5(doa[5]),
                .DOA6(doa[6]),
                .DOA7(doa[7]),
                .DOA8(doa[8]),
                .DOA9(doa[9]),
                .DOA10(doa[10]),
                .DOA11(doa[11]),
                .DOA12(doa[12]),
                .DOA13(doa[13]),
                .DOA14(doa[14]),
                .DOA15(doa[15]),
                .DOA16(doa[16]),
                .DOA17(doa[17]),
                .CLKB(clock),
                .CEB(read_enable),
                .OCEB(read_enable),
                .WEB(1'b0),
                .RSTB(1'b0),
                .CSB0(1'b0),
                .CSB1(1'b0),
                .CSB2(1'b0),
                .ADB0(adb[0]),
                .ADB1(adb[1]),
                .ADB2(adb[2]),
                .ADB3(adb[3]),
                .ADB4(adb[4]),
                .ADB5(adb[5]),
                .ADB6(adb[6]),
                .ADB7(adb[7]),
                .ADB8(adb[8]),
                .ADB9(adb[9]),
                .ADB10(adb[10]),
                .ADB11(adb[11]),
                .ADB12(adb[12]),
                .ADB13(adb[13]),
                .DIB0(1'b0),
                .DIB1(1'b0),
                .DIB2(1'b0),
                .DIB3(1'b0),
                .DIB4(1'b0),
                .DIB5(1'b0),
                .DIB6(1'b0),
                .DIB7(1'b0),
                .DIB8(1'b0),
                .DIB9(1'b0),
                .DIB10(1'b0),
                .DIB11(1'b0),
                .DIB12(1'b0),
                .DIB13(1'b0),
                .DIB14(1'b0),
                .DIB15(1'b0),
                .DIB16(1'b0),
                .DIB17(1'b0),
                .DOB0(dout[0]),
                .DOB1(dout[1]),
                .DOB2(dout[2]),
                .DOB3(dout[3]),
                .DOB4(dout[4]),
                .DOB5(dout[5]),
                .DOB6(dout[6]),
                .DOB7(dout[7]),
                .DOB8(dout[8]),
                .DOB9(dout[9]),
                .DOB10(dout[10]),
                .DOB11(dout[11]),
                .DOB12(dout[12]),
                .DOB13(dout[13]),
                .DOB14(dout[14]),
                .DOB15(dout[15]),
                .DOB16(dout[16]),
                .DOB17(dout[17])
            );
        end
    endgenerate
endmodule
