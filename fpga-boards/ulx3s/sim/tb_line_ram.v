// Self-checking test of fpga-boards/ulx3s/rtl/uhdpipe_line_ram.v (DP16KD-based) against a
// plain memory, for the three block-RAM layouts it uses (x18: 1024 words of 17 bits; x9:
// 2048 of 20; x4: 4096 of 23): random writes, random reads with random read enables (stalls),
// checking the two-clock read latency and the hold. Run by rtl/tests/ecp5_line_ram.rs with
// `verilator --binary` and DP16KD.v; prints PASS or stops at the first mismatch.
module tb_line_ram;
    reg clock = 0;
    integer cycle = 0;
    integer errors = 0;
    `define LANE(NAME, DW, AW) \
        reg [AW-1:0] NAME``_ra = 0, NAME``_wa = 0; \
        reg NAME``_re = 0, NAME``_we = 0; \
        reg [DW-1:0] NAME``_wd = 0; \
        wire [DW-1:0] NAME``_rd; \
        reg [DW-1:0] NAME``_ref [0:(1 << AW) - 1]; \
        reg [DW-1:0] NAME``_r1 = 0, NAME``_r2 = 0; \
        reg NAME``_v1 = 0, NAME``_v2 = 0; \
        uhdpipe_line_ram #(.D(DW), .N(AW)) NAME``_dut(.clock(clock), .read_address(NAME``_ra), .read_enable(NAME``_re), \
            .read_data(NAME``_rd), .write_address(NAME``_wa), .write_enable(NAME``_we), .write_data(NAME``_wd)); \
        always @(posedge clock) begin \
            if (NAME``_re) begin NAME``_r1 <= NAME``_ref[NAME``_ra]; NAME``_r2 <= NAME``_r1; NAME``_v1 <= 1; NAME``_v2 <= NAME``_v1; end \
            if (NAME``_we) NAME``_ref[NAME``_wa] <= NAME``_wd; \
            NAME``_ra <= AW'($random); NAME``_wa <= AW'($random); NAME``_wd <= DW'($random); \
            NAME``_re <= ($random & 3) != 0; NAME``_we <= ($random & 1) != 0; \
            if (NAME``_v2 && NAME``_rd !== NAME``_r2) begin \
                $display("FAIL %s cycle %0d: read %h, expected %h", `"NAME`", cycle, NAME``_rd, NAME``_r2); \
                errors <= errors + 1; \
            end \
        end
    `LANE(x18, 17, 10)
    `LANE(x9, 20, 11)
    `LANE(x4, 23, 12)
    integer i;
    initial begin
        // The reference starts as the DUT does in simulation: zero.
        for (i = 0; i < 4096; i = i + 1) begin
            if (i < 1024) x18_ref[i] = 0;
            if (i < 2048) x9_ref[i] = 0;
            x4_ref[i] = 0;
        end
    end
    always #1 clock <= ~clock;
    always @(posedge clock) begin
        cycle <= cycle + 1;
        if (cycle == 200000) begin
            if (errors == 0) $display("PASS");
            $finish;
        end
    end
endmodule
