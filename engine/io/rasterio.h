#pragma once

#include "engine/core/image.h"

#include <filesystem>

namespace latentlens::engine {

/// Reads an 8 or 16-bit PNG (grey, grey+alpha, RGB, RGBA, palette expanded) through libpng.
/// Colour images give three channels; alpha is dropped. Values are divided by 255 or 65535.
/// Throws IoError if the file is missing, not a PNG, truncated or corrupt.
Image readPng(const std::filesystem::path& path);

/// Reads a baseline or progressive JPEG through libjpeg; colour gives three channels.
/// Throws IoError if the file is missing, not a JPEG, truncated or corrupt.
Image readJpeg(const std::filesystem::path& path);

} // namespace latentlens::engine
