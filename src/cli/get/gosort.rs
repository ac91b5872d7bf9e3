//! Go's `sort.Sort` (pdqsort), ported from Go's sort/zsortinterface.go: not stable, and kubectl's
//! output order for equal keys depends on exactly how it swaps.

type Less<'a, T> = &'a dyn Fn(&T, &T) -> bool;

pub(super) fn go_sort<T>(data: &mut [T], less: Less<'_, T>) {
    let n = data.len();
    if n <= 1 {
        return;
    }
    let limit = (usize::BITS - n.leading_zeros()) as isize;
    pdqsort(data, less, 0, n as isize, limit);
}

fn lt<T>(d: &[T], less: Less<'_, T>, i: isize, j: isize) -> bool {
    less(&d[i as usize], &d[j as usize])
}

fn swap<T>(d: &mut [T], i: isize, j: isize) {
    d.swap(i as usize, j as usize);
}

fn insertion_sort<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize) {
    let mut i = a + 1;
    while i < b {
        let mut j = i;
        while j > a && lt(d, less, j, j - 1) {
            swap(d, j, j - 1);
            j -= 1;
        }
        i += 1;
    }
}

fn sift_down<T>(d: &mut [T], less: Less<'_, T>, lo: isize, hi: isize, first: isize) {
    let mut root = lo;
    loop {
        let mut child = 2 * root + 1;
        if child >= hi {
            break;
        }
        if child + 1 < hi && lt(d, less, first + child, first + child + 1) {
            child += 1;
        }
        if !lt(d, less, first + root, first + child) {
            return;
        }
        swap(d, first + root, first + child);
        root = child;
    }
}

fn heap_sort<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize) {
    let first = a;
    let hi = b - a;
    let mut i = (hi - 1) / 2;
    while i >= 0 {
        sift_down(d, less, i, hi, first);
        i -= 1;
    }
    let mut i = hi - 1;
    while i >= 0 {
        swap(d, first, first + i);
        sift_down(d, less, 0, i, first);
        i -= 1;
    }
}

#[derive(PartialEq)]
enum Hint {
    Unknown,
    Increasing,
    Decreasing,
}

fn pdqsort<T>(d: &mut [T], less: Less<'_, T>, mut a: isize, mut b: isize, mut limit: isize) {
    const MAX_INSERTION: isize = 12;
    let mut was_balanced = true;
    let mut was_partitioned = true;
    loop {
        let length = b - a;
        if length <= MAX_INSERTION {
            insertion_sort(d, less, a, b);
            return;
        }
        if limit == 0 {
            heap_sort(d, less, a, b);
            return;
        }
        if !was_balanced {
            break_patterns(d, a, b);
            limit -= 1;
        }
        let (mut pivot, mut hint) = choose_pivot(d, less, a, b);
        if hint == Hint::Decreasing {
            reverse_range(d, a, b);
            pivot = (b - 1) - (pivot - a);
            hint = Hint::Increasing;
        }
        if was_balanced && was_partitioned && hint == Hint::Increasing && partial_insertion_sort(d, less, a, b) {
            return;
        }
        if a > 0 && !lt(d, less, a - 1, pivot) {
            a = partition_equal(d, less, a, b, pivot);
            continue;
        }
        let (mid, already) = partition(d, less, a, b, pivot);
        was_partitioned = already;
        let (left, right) = (mid - a, b - mid);
        let threshold = length / 8;
        if left < right {
            was_balanced = left >= threshold;
            pdqsort(d, less, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right >= threshold;
            pdqsort(d, less, mid + 1, b, limit);
            b = mid;
        }
    }
}

fn partition<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize, pivot: isize) -> (isize, bool) {
    swap(d, a, pivot);
    let (mut i, mut j) = (a + 1, b - 1);
    while i <= j && lt(d, less, i, a) {
        i += 1;
    }
    while i <= j && !lt(d, less, j, a) {
        j -= 1;
    }
    if i > j {
        swap(d, j, a);
        return (j, true);
    }
    swap(d, i, j);
    i += 1;
    j -= 1;
    loop {
        while i <= j && lt(d, less, i, a) {
            i += 1;
        }
        while i <= j && !lt(d, less, j, a) {
            j -= 1;
        }
        if i > j {
            break;
        }
        swap(d, i, j);
        i += 1;
        j -= 1;
    }
    swap(d, j, a);
    (j, false)
}

fn partition_equal<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize, pivot: isize) -> isize {
    swap(d, a, pivot);
    let (mut i, mut j) = (a + 1, b - 1);
    loop {
        while i <= j && !lt(d, less, a, i) {
            i += 1;
        }
        while i <= j && lt(d, less, a, j) {
            j -= 1;
        }
        if i > j {
            break;
        }
        swap(d, i, j);
        i += 1;
        j -= 1;
    }
    i
}

fn partial_insertion_sort<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize) -> bool {
    const MAX_STEPS: usize = 5;
    const SHORTEST_SHIFTING: isize = 50;
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !lt(d, less, i, i - 1) {
            i += 1;
        }
        if i == b {
            return true;
        }
        if b - a < SHORTEST_SHIFTING {
            return false;
        }
        swap(d, i, i - 1);
        if i - a >= 2 {
            let mut j = i - 1;
            while j >= 1 {
                if !lt(d, less, j, j - 1) {
                    break;
                }
                swap(d, j, j - 1);
                j -= 1;
            }
        }
        if b - i >= 2 {
            let mut j = i + 1;
            while j < b {
                if !lt(d, less, j, j - 1) {
                    break;
                }
                swap(d, j, j - 1);
                j += 1;
            }
        }
    }
    false
}

fn break_patterns<T>(d: &mut [T], a: isize, b: isize) {
    let length = b - a;
    if length >= 8 {
        let mut random = length as u64;
        let modulus = 1u64 << (u64::BITS - (length as u64).leading_zeros());
        let mut idx = a + (length / 4) * 2 - 1;
        while idx <= a + (length / 4) * 2 + 1 {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            let mut other = (random & (modulus - 1)) as isize;
            if other >= length {
                other -= length;
            }
            swap(d, idx, a + other);
            idx += 1;
        }
    }
}

fn choose_pivot<T>(d: &[T], less: Less<'_, T>, a: isize, b: isize) -> (isize, Hint) {
    const SHORTEST_NINTHER: isize = 50;
    const MAX_SWAPS: usize = 4 * 3;
    let l = b - a;
    let mut swaps = 0usize;
    let mut i = a + l / 4;
    let mut j = a + l / 4 * 2;
    let mut k = a + l / 4 * 3;
    if l >= 8 {
        if l >= SHORTEST_NINTHER {
            i = median(d, less, i - 1, i, i + 1, &mut swaps);
            j = median(d, less, j - 1, j, j + 1, &mut swaps);
            k = median(d, less, k - 1, k, k + 1, &mut swaps);
        }
        j = median(d, less, i, j, k, &mut swaps);
    }
    match swaps {
        0 => (j, Hint::Increasing),
        MAX_SWAPS => (j, Hint::Decreasing),
        _ => (j, Hint::Unknown),
    }
}

fn order2<T>(d: &[T], less: Less<'_, T>, a: isize, b: isize, swaps: &mut usize) -> (isize, isize) {
    if lt(d, less, b, a) {
        *swaps += 1;
        return (b, a);
    }
    (a, b)
}

fn median<T>(d: &[T], less: Less<'_, T>, a: isize, b: isize, c: isize, swaps: &mut usize) -> isize {
    let (a, b) = order2(d, less, a, b, swaps);
    let (b, c) = order2(d, less, b, c, swaps);
    let _ = c;
    let (_, b) = order2(d, less, a, b, swaps);
    b
}

fn reverse_range<T>(d: &mut [T], a: isize, b: isize) {
    let (mut i, mut j) = (a, b - 1);
    while i < j {
        swap(d, i, j);
        i += 1;
        j -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_sort_sorts_long_inputs() {
        let mut v: Vec<u32> = (0..500).map(|i| (i * 7919) % 503).collect();
        let less = |a: &u32, b: &u32| a < b;
        go_sort(&mut v, &less);
        assert!(v.windows(2).all(|w| w[0] <= w[1]));
        let mut desc: Vec<u32> = (0..100).rev().collect();
        go_sort(&mut desc, &less);
        assert!(desc.windows(2).all(|w| w[0] <= w[1]));
    }
}
