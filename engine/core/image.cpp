#include "engine/core/image.h"

#include "engine/core/exception.h"

#include <cmath>
#include <limits>

namespace latentlens::engine {

Image::Image(std::size_t width, std::size_t height, std::size_t depth, std::size_t channels,
    std::size_t frames)
    : mWidth(width), mHeight(height), mDepth(depth), mChannels(channels), mFrames(frames)
{
    if (width == 0 || height == 0 || depth == 0 || channels == 0 || frames == 0) {
        throw InvalidArgument("An image needs at least one pixel in every dimension (got "
            + std::to_string(width) + "x" + std::to_string(height) + "x" + std::to_string(depth)
            + ", " + std::to_string(channels) + " channels, " + std::to_string(frames)
            + " frames).");
    }
    std::size_t count = width;
    for (std::size_t d : { height, depth, channels, frames }) {
        if (count > std::numeric_limits<std::size_t>::max() / sizeof(float) / d)
            throw InvalidArgument("Image dimensions are too large to hold in memory.");
        count *= d;
    }
    mData.assign(count, 0.0f);
}

std::size_t Image::planeIndex(std::size_t channel, std::size_t z, std::size_t frame) const
{
    if (channel >= mChannels || z >= mDepth || frame >= mFrames)
        throw InvalidArgument("Plane (channel " + std::to_string(channel) + ", z "
            + std::to_string(z) + ", frame " + std::to_string(frame) + ") is outside the image.");
    return channel + mChannels * (z + mDepth * frame);
}

std::span<float> Image::plane(std::size_t index)
{
    if (index >= planeCount())
        throw InvalidArgument("Plane " + std::to_string(index) + " is outside the image ("
            + std::to_string(planeCount()) + " planes).");
    return std::span<float>(mData).subspan(index * planeSize(), planeSize());
}

std::span<const float> Image::plane(std::size_t index) const
{
    return const_cast<Image*>(this)->plane(index);
}

Image Image::extractPlane(std::size_t index) const
{
    auto source = plane(index);
    Image out(mWidth, mHeight);
    std::copy(source.begin(), source.end(), out.mData.begin());
    out.mSpacing = mSpacing;
    out.mIntensityScale = mIntensityScale;
    out.mProvenance = mProvenance;
    if (mChannelNames.size() == mChannels)
        out.mChannelNames = { mChannelNames[index % mChannels] };
    return out;
}

void Image::setIntensityScale(double scale)
{
    if (!(scale > 0.0) || !std::isfinite(scale))
        throw InvalidArgument("The intensity scale must be a positive number.");
    mIntensityScale = scale;
}

void Image::setChannelNames(std::vector<std::string> names)
{
    if (!names.empty() && names.size() != mChannels)
        throw InvalidArgument("Got " + std::to_string(names.size()) + " channel names for "
            + std::to_string(mChannels) + " channels.");
    mChannelNames = std::move(names);
}

bool Image::sameShape(const Image& other) const noexcept
{
    return mWidth == other.mWidth && mHeight == other.mHeight && mDepth == other.mDepth
        && mChannels == other.mChannels && mFrames == other.mFrames;
}

bool Image::allFinite() const noexcept
{
    for (float v : mData)
        if (!std::isfinite(v))
            return false;
    return true;
}

} // namespace latentlens::engine
