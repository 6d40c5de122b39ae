# Sourced by tools/device_check.sh after its checks (see there for the helpers it uses).
# 1. The shipped paper-architecture model: CPU and CUDA deblurs of the same image compared.
# 2. The kernel-aware recipe of tools/train_default_model.sh timed per stage on CUDA.
extra_paper_model() {
    local t out
    [ -s "$T/blurred.tif" ] || { record SKIP paper-cpu-vs-cuda "no test image"; return; }
    t=$(check_budget 60) || { record SKIP paper-cpu-vs-cuda "out of time"; return; }
    for dev in cpu cuda; do
        llrun timeout "$t" "$CLI" deblur --method latent --defocus "$CHECK_DEFOCUS" \
            --model "$REPO/resources/models/default.llm" --device $dev --json \
            "$T/blurred.tif" "$T/paper-$dev.tif" || { record FAIL paper-cpu-vs-cuda "deblur on $dev"; return; }
    done
    out=$(llrun "$CLI" metrics --reference "$T/paper-cpu.tif" "$T/paper-cuda.tif" 2>&1 | tr '\n' ' ')
    record PASS paper-cpu-vs-cuda "$out"
}

extra_kernel_training() {
    local t data=$T/train-data secs
    [ -d "$data" ] || { record SKIP kernel-train "no training data"; return; }
    t=$(check_budget 120) || { record SKIP kernel-train "out of time"; return; }
    for stage in 1 2 3; do
        local e1=0 e2=0 e3=0
        case $stage in 1) e1=1 ;; 2) e2=1 ;; 3) e3=1 ;; esac
        timed secs llrun timeout "$t" "$CLI" train --data "$data" --device cuda --architecture kernel \
            --crop 64 --batch-size 8 --batches 50 --epochs1 $e1 --epochs2 $e2 --epochs3 $e3 \
            --no-simpledeform -o "$T/kernel-$stage.llm" >/dev/null 2>"$T/kernel-$stage.log"
        tail -1 "$T/kernel-$stage.log"
        record PASS "kernel-train-stage$stage" "50 batches of 8 crops of 64^2 in ${secs} s wall (with start-up)"
    done
}

extra_paper_model
extra_kernel_training
