#include "engine/io/rasterio.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"

#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <memory>
#include <png.h>
#include <string>
#include <vector>

namespace latentlens::engine {

namespace {

struct FileCloser
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FileHandle = std::unique_ptr<std::FILE, FileCloser>;

// Opens `path` and sets `size` to its size in bytes.
FileHandle openForReading(const std::filesystem::path& path, std::uintmax_t& size)
{
    size = requireNonEmptyFile(path);
    FileHandle file(std::fopen(path.c_str(), "rb"));
    if (!file)
        throw IoError(path, "the file cannot be opened for reading (permissions?).");
    return file;
}

// Copies interleaved samples into planes; channel `c` of the image takes sample `c`.
template <typename Sample>
void deinterleave(const std::vector<Sample>& row, std::size_t y, std::size_t samples,
    std::size_t channels, double scale, Image& image)
{
    for (std::size_t x = 0; x < image.width(); ++x)
        for (std::size_t c = 0; c < channels; ++c)
            image.at(x, y, c) = static_cast<float>(row[x * samples + c] / scale);
}

// libpng and libjpeg report fatal errors by longjmp; these contexts carry the message out.
struct PngContext
{
    std::string message;
};

[[noreturn]] void pngError(png_structp png, png_const_charp message)
{
    static_cast<PngContext*>(png_get_error_ptr(png))->message = message;
    png_longjmp(png, 1);
}

void pngWarning(png_structp, png_const_charp)
{ }

struct JpegContext
{
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    std::string message;
};

[[noreturn]] void jpegError(j_common_ptr info)
{
    auto* context = reinterpret_cast<JpegContext*>(info->err);
    char buffer[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, buffer);
    context->message = buffer;
    std::longjmp(context->jump, 1);
}

// Counts warnings (corrupt data, premature end) without printing them.
void jpegSilence(j_common_ptr info, int level)
{
    if (level < 0)
        ++info->err->num_warnings;
}

} // namespace

Image readPng(const std::filesystem::path& path)
{
    std::uintmax_t fileSize = 0;
    FileHandle file = openForReading(path, fileSize);
    unsigned char signature[8] = {};
    if (std::fread(signature, 1, 8, file.get()) != 8 || png_sig_cmp(signature, 0, 8) != 0)
        throw IoError(path, "not a PNG file (wrong signature).");

    PngContext context;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &context, pngError, pngWarning);
    if (!png)
        throw IoError(path, "out of memory while opening the PNG.");
    png_infop info = png_create_info_struct(png);
    // Everything the longjmp may cross is created before setjmp and freed after it.
    Image image;
    std::vector<unsigned char> row8;
    std::vector<png_uint_16> row16;
    std::vector<unsigned char> pixels;
    std::vector<png_bytep> rows;
    volatile bool failed = false;
    if (setjmp(png_jmpbuf(png))) {
        failed = true;
    } else {
        png_init_io(png, file.get());
        png_set_sig_bytes(png, 8);
        png_read_info(png, info);
        const int bitDepth = png_get_bit_depth(png, info);
        const int colour = png_get_color_type(png, info);
        // The declared size, as stored (before palette and bit-depth expansion), must be one
        // that deflate can reach from the file (zlib compresses at most about 1032:1) before
        // it is allocated. Refused through libpng's own error path (no C++ object to unwind).
        const png_uint_32 declaredWidth = png_get_image_width(png, info);
        const png_uint_32 declaredHeight = png_get_image_height(png, info);
        const double storedBytes = double(declaredHeight)
            * (double(declaredWidth) * png_get_channels(png, info) * bitDepth / 8.0 + 1.0);
        if (storedBytes > 1032.0 * double(fileSize)) {
            char message[128];
            std::snprintf(message, sizeof message,
                "%u x %u pixels declared, more than a %ju-byte file can hold", declaredWidth,
                declaredHeight, fileSize);
            png_error(png, message);
        }
        if (colour == PNG_COLOR_TYPE_PALETTE)
            png_set_palette_to_rgb(png);
        if (colour == PNG_COLOR_TYPE_GRAY && bitDepth < 8)
            png_set_expand_gray_1_2_4_to_8(png);
        png_set_strip_alpha(png);
        if (bitDepth == 16)
            png_set_swap(png); // PNG is big-endian; rows arrive in host order
        const int passes = png_set_interlace_handling(png);
        png_read_update_info(png, info);
        const std::size_t width = png_get_image_width(png, info);
        const std::size_t height = png_get_image_height(png, info);
        const std::size_t samples = png_get_channels(png, info);
        const bool wide = png_get_bit_depth(png, info) == 16;
        image = Image(width, height, 1, samples);
        image.setIntensityScale(wide ? 65535.0 : 255.0);
        // Interlaced images need every pass over the full image before the rows are final.
        pixels.resize(png_get_rowbytes(png, info) * height);
        rows.resize(height);
        for (std::size_t y = 0; y < height; ++y)
            rows[y] = pixels.data() + y * png_get_rowbytes(png, info);
        for (int pass = 0; pass < passes; ++pass)
            png_read_rows(png, rows.data(), nullptr, static_cast<png_uint_32>(height));
        png_read_end(png, nullptr);
        for (std::size_t y = 0; y < height; ++y) {
            if (wide) {
                row16.assign(reinterpret_cast<png_uint_16*>(rows[y]),
                    reinterpret_cast<png_uint_16*>(rows[y]) + width * samples);
                deinterleave(row16, y, samples, samples, 65535.0, image);
            } else {
                row8.assign(rows[y], rows[y] + width * samples);
                deinterleave(row8, y, samples, samples, 255.0, image);
            }
        }
    }
    png_destroy_read_struct(&png, &info, nullptr);
    if (failed)
        throw IoError(path, "the PNG is truncated or corrupt (libpng: " + context.message + ").");
    return image;
}

Image readJpeg(const std::filesystem::path& path)
{
    std::uintmax_t fileSize = 0;
    FileHandle file = openForReading(path, fileSize);
    jpeg_decompress_struct info;
    JpegContext context;
    info.err = jpeg_std_error(&context.manager);
    context.manager.error_exit = jpegError;
    context.manager.emit_message = jpegSilence;
    Image image;
    std::vector<unsigned char> row;
    volatile bool failed = false;
    jpeg_create_decompress(&info);
    if (setjmp(context.jump)) {
        failed = true;
    } else {
        jpeg_stdio_src(&info, file.get());
        jpeg_read_header(&info, TRUE);
        // libjpeg allocates the whole image (a progressive one twice) in
        // jpeg_start_decompress, so the declared size is checked first, as the TIFF reader
        // checks compressed pages: within 4096 times the file's size.
        const double decodedBytes
            = double(info.image_width) * double(info.image_height) * info.num_components;
        if (decodedBytes > 4096.0 * double(fileSize)) {
            char message[128];
            std::snprintf(message, sizeof message,
                "%u x %u pixels declared, more than a %ju-byte file can hold", info.image_width,
                info.image_height, fileSize);
            context.message = message;
            std::longjmp(context.jump, 1);
        }
        if (info.jpeg_color_space != JCS_GRAYSCALE)
            info.out_color_space = JCS_RGB;
        jpeg_start_decompress(&info);
        const std::size_t samples = info.output_components;
        image = Image(info.output_width, info.output_height, 1, samples);
        image.setIntensityScale(255.0);
        row.resize(std::size_t(info.output_width) * samples);
        while (info.output_scanline < info.output_height) {
            const std::size_t y = info.output_scanline;
            JSAMPROW rows[1] = { row.data() };
            jpeg_read_scanlines(&info, rows, 1);
            deinterleave(row, y, samples, samples, 255.0, image);
        }
        // A file cut short decodes as grey padding with only a warning; refuse it.
        if (context.manager.num_warnings > 0) {
            context.message = "premature end of data";
            failed = true;
        } else {
            jpeg_finish_decompress(&info);
        }
    }
    jpeg_destroy_decompress(&info);
    if (failed)
        throw IoError(path, "the JPEG is truncated or corrupt (libjpeg: " + context.message + ").");
    return image;
}

} // namespace latentlens::engine
