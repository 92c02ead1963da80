"""The maths a user would otherwise script, on the same 10,000 CIDRs as
`cargo bench -p easnet-core --bench addr`: Python's ipaddress, one run each.

    python3 benches/python_ipaddress.py

Prints milliseconds per operation; BENCHMARKS.md divides them by the criterion figures.
"""
import ipaddress
import time

MASK64 = (1 << 64) - 1


def blocks(count):
    """The same fixed-seed LCG (Knuth's MMIX constants) as crates/core/benches/addr.rs."""
    state = 0x2545F4914F6CDD1D
    out = []
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK64
        bits = state >> 32
        prefix = 24 if bits & 1 == 0 else 28
        addr = 0x0A000000 | (bits >> 8)
        out.append(ipaddress.IPv4Network((addr, prefix), strict=False))
    return out


def timed(label, fn):
    start = time.perf_counter()
    result = fn()
    ms = (time.perf_counter() - start) * 1000
    print(f"{label}: {ms:.1f} ms")
    return result


def overlapping_pairs(nets):
    # What a script does: every pair.
    return [(i, j) for i in range(len(nets)) for j in range(i + 1, len(nets)) if nets[i].overlaps(nets[j])]


def free_blocks(space, used):
    # Collapse what is used, then cut it out of the space, block by block.
    free = [space]
    for u in ipaddress.collapse_addresses(used):
        nxt = []
        for f in free:
            if f.overlaps(u):
                if f.subnet_of(u):
                    continue
                nxt.extend(f.address_exclude(u))
            else:
                nxt.append(f)
        free = nxt
    return list(ipaddress.collapse_addresses(free))


if __name__ == "__main__":
    used = blocks(10_000)
    space = ipaddress.IPv4Network("10.0.0.0/8")
    pairs = timed("overlapping_pairs/10k (pairwise overlaps)", lambda: overlapping_pairs(used))
    free = timed("free_blocks/10k (collapse_addresses + address_exclude)", lambda: free_blocks(space, used))
    print(f"pairs: {len(pairs)}, free blocks: {len(free)}")
