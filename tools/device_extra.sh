# Sourced by tools/device_check.sh after its checks (see there for the helpers it uses).
# 1. More CPU-vs-CUDA comparisons of the shipped kernel-aware model (the CPU runs its own
#    inference forms, CUDA LibTorch's modules): NODEFORM, an unseen defocus, a large one at
#    low and at high noise (the physics step's two borders).
#    And the paper-architecture model that check-train made on this machine.
# 2. latentlens-bench-network exits 0 on CUDA: it crashed on 2026-11-29, in pip LibTorch's
#    own std::filesystem::remove_all (docs/benchmarks.md). Three short runs (no model, a
#    model, with training) and the std::filesystem symbols libtorch.so defines; on a failure
#    a cuda-gdb backtrace (the image has no gdb). DEVICE_EXTRA_ONLY=exit runs only this part.
compare_devices() { # NAME MODEL DEFOCUS METHOD [NOISE_VARIANCE]
    local name=$1 model=$2 defocus=$3 method=$4 noise=${5:-$CHECK_NOISE_VAR} t dev out
    [ -s "$T/blurred.tif" ] || { record SKIP "$name" "no test image"; return; }
    t=$(check_budget 60) || { record SKIP "$name" "out of time"; return; }
    llrun timeout "$t" "$CLI" blur --defocus "$defocus" --noise-var "$noise" --seed 4 \
        "$T/spec.tif" "$T/$name-in.tif" || { record FAIL "$name" "blur"; return; }
    for dev in cpu cuda; do
        llrun timeout "$t" "$CLI" deblur --method "$method" --defocus "$defocus" --model "$model" \
            --device $dev "$T/$name-in.tif" "$T/$name-$dev.tif" >/dev/null \
            || { record FAIL "$name" "deblur on $dev"; return; }
    done
    out=$(llrun "$CLI" metrics --reference "$T/$name-cpu.tif" "$T/$name-cuda.tif" 2>&1 | tr '\n' ' ')
    echo "$name: cpu vs cuda: $out"
    echo "$name: cpu vs truth: $(llrun "$CLI" metrics --reference "$T/spec.tif" "$T/$name-cpu.tif" 2>&1 | tr '\n' ' ')"
    echo "$name: cuda vs truth: $(llrun "$CLI" metrics --reference "$T/spec.tif" "$T/$name-cuda.tif" 2>&1 | tr '\n' ' ')"
    record PASS "$name" "$out"
}

extra_comparisons() {
    local shipped=$REPO/resources/models/default.llm
    compare_devices shipped-nodeform-5um "$shipped" 5 nodeform
    compare_devices shipped-unseen-8.5um "$shipped" 8.5 latent
    compare_devices shipped-15um "$shipped" 15 latent
    compare_devices shipped-15um-noisy "$shipped" 15 latent 0.02
    if [ -s "$T/train-model.llm" ]; then
        compare_devices paper-trained-here-7um "$T/train-model.llm" 7 latent
    else
        record SKIP paper-trained-here-7um "check-train left no model"
    fi
}

extra_exit_crash() {
    local gdb t rc
    mkdir -p "$T"
    gdb=$(command -v cuda-gdb || ls /usr/local/cuda/bin/cuda-gdb 2>/dev/null)
    t=$(check_budget 90) || { record SKIP bench-exit "out of time"; return; }
    # Which part does the crash need: no model at all (Wiener and FFTW alone), the shipped
    # model without training, or inference and training?
    llrun timeout "$t" "$BENCH" --sizes 256 --reps 1 --widths none >/dev/null 2>&1
    echo "bench-network, Wiener only (no model): rc $?"
    llrun timeout "$t" "$BENCH" --sizes 256 --reps 1 --widths none \
        --model "$REPO/resources/models/default.llm" >/dev/null 2>&1
    echo "bench-network, shipped model, no training: rc $?"
    llrun timeout "$t" "$BENCH" --sizes 256 --reps 1 --widths small >/dev/null 2>&1
    rc=$?
    echo "bench-network, inference and training, 256 only: rc $rc"
    # Which std::filesystem symbols does libtorch.so define (and so interpose)?
    nm -D --defined-only "$TORCH_ROOT/lib/libtorch.so" 2>/dev/null | grep -c 'St10filesystem' \
        | sed 's/^/std::filesystem symbols defined by libtorch.so: /'
    nm -D --defined-only "$TORCH_ROOT/lib/libtorch.so" 2>/dev/null | grep 'St10filesystem' \
        | head -20
    [ "$rc" -eq 0 ] && { record PASS bench-exit "all three runs exit 0"; return; }
    if [ -z "$gdb" ]; then record FAIL bench-exit "rc $rc; no cuda-gdb for a backtrace"; return; fi
    t=$(check_budget 120) || { record SKIP bench-exit-bt "out of time"; return; }
    # At a jump to address 0 the stack's top is the caller's return address.
    llrun timeout "$t" "$gdb" -batch -ex run -ex bt -ex 'x/8a $sp' -ex 'info sharedlibrary' \
        --args "$BENCH" --sizes 256 --reps 1 --widths none \
        --model "$REPO/resources/models/default.llm" >"$T/exit-gdb.log" 2>&1
    grep -v 'Cuda Driver error\|^\[New Thread\|^\[Thread .* exited' "$T/exit-gdb.log" | tail -120
    cp "$T/exit-gdb.log" "$OUT/bench_exit_gdb.log"
    record FAIL bench-exit "rc $rc; backtrace in bench_exit_gdb.log"
}

case ${DEVICE_EXTRA_ONLY:-all} in
    exit) extra_exit_crash ;;
    *)
        extra_comparisons
        extra_exit_crash
        ;;
esac
