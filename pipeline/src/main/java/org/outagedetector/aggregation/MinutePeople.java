package org.outagedetector.aggregation;

/**
 * The distinct people who posted in one event-time minute, estimated with a HyperLogLog sketch (Flajolet et
 * al. 2007) of 2^12 one-byte registers. Counting them exactly would hold every author of the minute (millions
 * at a firehose's rate); the sketch is 4 KiB whatever the crowd, costs a hash per post, and the sketches of
 * the same minute from every subtask merge (register-wise maximum) into the sketch of the whole stream, one
 * person counted once however many subtasks saw them. A Flink POJO.
 */
public class MinutePeople {
    private static final int PRECISION = 12;
    private static final int REGISTERS = 1 << PRECISION;
    /** The estimate's relative standard error, 1.04 / sqrt(registers). */
    public static final double RELATIVE_ERROR = 1.04 / Math.sqrt(REGISTERS);
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    public long minuteStart;
    /** Per register, the highest rank (position of the first 1-bit) of the hashes that fell in it. */
    public byte[] registers;

    public MinutePeople() {}

    public MinutePeople(long minuteStart) {
        this.minuteStart = minuteStart;
        this.registers = new byte[REGISTERS];
    }

    /** Counts one post by {@code person} (adding the same person again changes nothing). */
    public void add(String person) {
        long h = hash(person);
        int register = (int) (h >>> (64 - PRECISION));
        // The bit below the register's index bounds the rank at 64 - PRECISION + 1, so a byte holds it.
        byte rank = (byte) (Long.numberOfLeadingZeros((h << PRECISION) | (1L << (PRECISION - 1))) + 1);
        if (rank > registers[register]) {
            registers[register] = rank;
        }
    }

    /** Folds in another sketch of the same minute: afterwards this one counts the union of both crowds. */
    public void merge(MinutePeople other) {
        for (int i = 0; i < REGISTERS; i++) {
            if (other.registers[i] > registers[i]) {
                registers[i] = other.registers[i];
            }
        }
    }

    /** The estimated number of distinct people. */
    public double estimate() {
        double sum = 0;
        int empty = 0;
        for (byte rank : registers) {
            sum += Math.scalb(1.0, -rank);
            if (rank == 0) {
                empty++;
            }
        }
        double raw = ALPHA * REGISTERS * REGISTERS / sum;
        // Small crowds leave registers empty: linear counting is the accurate estimate there.
        return raw <= 2.5 * REGISTERS && empty > 0 ? REGISTERS * Math.log((double) REGISTERS / empty) : raw;
    }

    /** 64-bit FNV-1a over the characters, then MurmurHash3's finalizer so that similar ids spread evenly. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
