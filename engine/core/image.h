#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace latentlens::engine {

/// Physical size of one voxel in metres; 0 means unknown.
struct Spacing
{
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
    bool operator==(const Spacing&) const = default;
};

/// A float32 image or stack: x fastest, then y; planes ordered channel fastest, then z, then
/// time (the ImageJ hyperstack order). Values of integer sources are divided by the source
/// type's maximum (intensityScale) so that they lie in [0, 1].
class Image
{
public:
    Image() = default;
    /// Throws InvalidArgument if a dimension is zero or the size overflows.
    Image(std::size_t width, std::size_t height, std::size_t depth = 1, std::size_t channels = 1,
        std::size_t frames = 1);

    std::size_t width() const noexcept { return mWidth; }
    std::size_t height() const noexcept { return mHeight; }
    std::size_t depth() const noexcept { return mDepth; }
    std::size_t channels() const noexcept { return mChannels; }
    std::size_t frames() const noexcept { return mFrames; }
    std::size_t planeCount() const noexcept { return mChannels * mDepth * mFrames; }
    std::size_t planeSize() const noexcept { return mWidth * mHeight; }
    std::size_t size() const noexcept { return mData.size(); }
    bool empty() const noexcept { return mData.empty(); }

    float* data() noexcept { return mData.data(); }
    const float* data() const noexcept { return mData.data(); }
    std::span<float> values() noexcept { return mData; }
    std::span<const float> values() const noexcept { return mData; }

    /// Index of the plane holding (channel, z, frame). Throws InvalidArgument when out of range.
    std::size_t planeIndex(std::size_t channel, std::size_t z, std::size_t frame) const;
    std::span<float> plane(std::size_t index);
    std::span<const float> plane(std::size_t index) const;
    /// A new single-plane image holding plane `index`, metadata kept.
    Image extractPlane(std::size_t index) const;

    float& at(std::size_t x, std::size_t y, std::size_t planeIndex = 0)
    {
        return mData[(planeIndex * mHeight + y) * mWidth + x];
    }
    float at(std::size_t x, std::size_t y, std::size_t planeIndex = 0) const
    {
        return mData[(planeIndex * mHeight + y) * mWidth + x];
    }

    const Spacing& spacing() const noexcept { return mSpacing; }
    void setSpacing(const Spacing& spacing) noexcept { mSpacing = spacing; }
    /// The factor the stored values were divided by on reading (255 for 8-bit, 1 for float).
    double intensityScale() const noexcept { return mIntensityScale; }
    void setIntensityScale(double scale);
    /// Names of the channels (element lines, dyes); empty or one per channel.
    const std::vector<std::string>& channelNames() const noexcept { return mChannelNames; }
    void setChannelNames(std::vector<std::string> names);
    /// Provenance record (JSON) of what made the data, carried from file to file.
    const std::string& provenance() const noexcept { return mProvenance; }
    void setProvenance(std::string json) { mProvenance = std::move(json); }

    bool sameShape(const Image& other) const noexcept;
    /// True when no value is NaN or infinite.
    bool allFinite() const noexcept;

private:
    std::size_t mWidth = 0;
    std::size_t mHeight = 0;
    std::size_t mDepth = 0;
    std::size_t mChannels = 0;
    std::size_t mFrames = 0;
    std::vector<float> mData;
    Spacing mSpacing;
    double mIntensityScale = 1.0;
    std::vector<std::string> mChannelNames;
    std::string mProvenance;
};

} // namespace latentlens::engine
