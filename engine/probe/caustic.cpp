#include "engine/probe/caustic.h"

#include "engine/core/exception.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine {

Image causticStack(const ZonePlateOptics& optics, const std::vector<double>& defocusMetres,
    std::size_t crop, std::vector<std::string>* warnings)
{
    optics.validate();
    if (defocusMetres.empty())
        throw InvalidArgument("The caustic needs at least one defocus value.");
    if (!std::all_of(
            defocusMetres.begin(), defocusMetres.end(), [](double d) { return std::isfinite(d); }))
        throw InvalidArgument("Every defocus value of the caustic must be a finite number.");
    if (crop == 0 || crop > optics.gridSize)
        throw InvalidArgument("The caustic's crop (" + std::to_string(crop)
            + " pixels) must lie between 1 and the probe grid (" + std::to_string(optics.gridSize)
            + " pixels).");

    const ComplexProbe focus = focusedProbe(optics);
    Image stack(crop, crop, defocusMetres.size());
    const std::size_t x0 = (focus.width - crop) / 2, y0 = (focus.height - crop) / 2;
    for (std::size_t z = 0; z < defocusMetres.size(); ++z) {
        const Image plane = propagate(focus, defocusMetres[z], warnings).intensity();
        auto out = stack.plane(z);
        for (std::size_t y = 0; y < crop; ++y)
            for (std::size_t x = 0; x < crop; ++x)
                out[y * crop + x] = plane.at(x0 + x, y0 + y);
    }

    double step = 0.0;
    if (defocusMetres.size() > 1) {
        step = (defocusMetres.back() - defocusMetres.front()) / double(defocusMetres.size() - 1);
        for (std::size_t i = 1; i < defocusMetres.size(); ++i)
            if (std::abs(defocusMetres[i] - defocusMetres[i - 1] - step)
                > 1e-6 * std::abs(step) + 1e-15)
                step = 0.0;
    }
    stack.setSpacing({ focus.pixelSize, focus.pixelSize, std::abs(step) });
    return stack;
}

} // namespace latentlens::engine
