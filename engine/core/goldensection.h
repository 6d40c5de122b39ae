#pragma once

// Private to the engine: one-dimensional minimisation by golden-section search.

#include <cmath>

namespace latentlens::engine::detail {

/// The minimiser of a unimodal `f` on [a, b], to within `tolerance`.
template <typename F> double goldenSectionMinimum(F&& f, double a, double b, double tolerance)
{
    const double g = (std::sqrt(5.0) - 1.0) / 2.0;
    double c = b - g * (b - a), d = a + g * (b - a);
    double fc = f(c), fd = f(d);
    while (b - a > tolerance) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = f(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = f(d);
        }
    }
    return 0.5 * (a + b);
}

} // namespace latentlens::engine::detail
