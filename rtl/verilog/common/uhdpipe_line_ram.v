// uhdpipe line buffer: simple dual-port RAM, 2^N words of D bits, one clock, read latency two
// (a read register and an output register, both enabled by read_enable; read-first).
// Hand-written (not generated): rtl/src/blocks/line_ram.rs instantiates it and documents it.
// This is the portable model for simulation and vendor inference (AMD maps it to a block RAM
// with its output register). fpga-boards/ulx3s/rtl/uhdpipe_line_ram.v replaces it for ECP5
// with DP16KD primitives in REGMODE OUTREG, which yosys does not infer.
module uhdpipe_line_ram #(
    parameter integer D = 18,
    parameter integer N = 10
) (
    input wire clock,
    input wire [N-1:0] read_address,
    input wire read_enable,
    output reg [D-1:0] read_data,
    input wire [N-1:0] write_address,
    input wire write_enable,
    input wire [D-1:0] write_data
);
    reg [D-1:0] mem [0:(1 << N) - 1];
    reg [D-1:0] word;
    always @(posedge clock) begin
        if (read_enable) begin
            word <= mem[read_address];
            read_data <= word;
        end
        if (write_enable) begin
            mem[write_address] <= write_data;
        end
    end
endmodule
