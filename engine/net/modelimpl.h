#pragma once

// Private to the engine: what a LatentModel holds (LibTorch modules).

#include "engine/latentmodel.h"
#include "engine/net/latentnet.h"

namespace latentlens::engine {

struct LatentModel::Impl
{
    ModelRecord record;
    net::Encoder encoder { nullptr };
    net::Decoder decoder { nullptr };
    net::Deformer deformer { nullptr };
    net::SimpleDeform simple { nullptr };

    net::LatentNetOptions options() const;
    /// theta of a defocus: normalised over the trained range.
    double theta(double defocus) const;
};

} // namespace latentlens::engine
