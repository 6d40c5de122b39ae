#include "tests/engine/support/rawtiffwriter.h"

#include <fstream>

namespace latentlens::testing {

namespace {

class Buffer
{
public:
    explicit Buffer(bool bigEndian) : mBig(bigEndian) { }
    void put(uint64_t v, int bytes)
    {
        for (int i = 0; i < bytes; ++i) {
            int shift = mBig ? 8 * (bytes - 1 - i) : 8 * i;
            mData.push_back(uint8_t(v >> shift));
        }
    }
    void put16(uint32_t v) { put(v, 2); }
    void put32(uint32_t v) { put(v, 4); }
    // One sample of `bytes` bytes in host order, re-encoded in the file's order.
    void putSample(const uint8_t* hostBytes, int bytes)
    {
        uint64_t v = 0;
        for (int b = 0; b < bytes; ++b)
            v |= uint64_t(hostBytes[b]) << (8 * b); // host is little-endian (x86-64)
        put(v, bytes);
    }
    void align()
    {
        if (mData.size() % 2)
            mData.push_back(0);
    }
    void patch32(std::size_t at, uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            mData[at + i] = uint8_t(v >> (mBig ? 8 * (3 - i) : 8 * i));
    }
    std::size_t size() const { return mData.size(); }
    std::vector<uint8_t>& bytes() { return mData; }

private:
    bool mBig;
    std::vector<uint8_t> mData;
};

struct Entry
{
    uint16_t tag, type;
    uint32_t count, value; // value or offset; short values are left-justified
};

} // namespace

bool writeRawTiff(
    const std::string& path, const std::vector<RawPage>& pages, const RawTiffOptions& options)
{
    Buffer out(options.bigEndian);
    out.put16(options.bigEndian ? 0x4D4D : 0x4949);
    out.put16(42);
    std::size_t nextIfdSlot = out.size();
    out.put32(0);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const RawPage& page = pages[p];
        const int bytes = page.bits / 8;
        const uint32_t dataOffset = uint32_t(out.size());
        for (std::size_t i = 0; i + bytes <= page.data.size(); i += bytes)
            out.putSample(page.data.data() + i, bytes);
        const uint32_t dataBytes = uint32_t(out.size()) - dataOffset;
        out.align();
        uint32_t descOffset = 0, descCount = 0, resOffset = 0;
        if (p == 0 && !options.description.empty()) {
            descOffset = uint32_t(out.size());
            for (char c : options.description)
                out.put(uint8_t(c), 1);
            out.put(0, 1);
            descCount = uint32_t(options.description.size() + 1);
            out.align();
        }
        if (options.xResolution[0]) {
            resOffset = uint32_t(out.size());
            out.put32(options.xResolution[0]);
            out.put32(options.xResolution[1]);
        }
        std::vector<Entry> entries = {
            { 254, 4, 1, pages.size() > 1 ? 2u : 0u },
            { 256, 4, 1, page.width },
            { 257, 4, 1, page.height },
            { 258, 3, 1, page.bits },
            { 259, 3, 1, 1 },
            { 262, 3, 1, 1 },
        };
        if (descCount)
            entries.push_back({ 270, 2, descCount, descOffset });
        entries.push_back({ 273, 4, 1, dataOffset });
        entries.push_back({ 277, 3, 1, 1 });
        entries.push_back({ 278, 4, 1, page.height });
        entries.push_back({ 279, 4, 1, dataBytes });
        if (resOffset) {
            entries.push_back({ 282, 5, 1, resOffset });
            entries.push_back({ 283, 5, 1, resOffset });
            entries.push_back({ 296, 3, 1, options.resolutionUnit });
        }
        entries.push_back({ 339, 3, 1, page.sampleFormat });

        out.align();
        out.patch32(nextIfdSlot, uint32_t(out.size()));
        out.put16(uint16_t(entries.size()));
        for (const Entry& e : entries) {
            out.put16(e.tag);
            out.put16(e.type);
            out.put32(e.count);
            if (e.type == 3 && e.count == 1) {
                out.put16(e.value);
                out.put16(0);
            } else {
                out.put32(e.value);
            }
        }
        nextIfdSlot = out.size();
        out.put32(0);
    }
    std::ofstream file(path, std::ios::binary);
    file.write(reinterpret_cast<const char*>(out.bytes().data()), std::streamsize(out.size()));
    return bool(file);
}

} // namespace latentlens::testing
