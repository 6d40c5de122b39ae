#include "widgets/colourmap.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace latentlens::widgets {

namespace {

struct Stop
{
    double at;
    int r, g, b;
};

/// Linear interpolation between sampled colours of the published maps.
QList<QRgb> interpolate(std::initializer_list<Stop> stops)
{
    QList<QRgb> table;
    table.reserve(256);
    const Stop* s = stops.begin();
    for (int i = 0; i < 256; ++i) {
        const double t = i / 255.0;
        while (s + 2 <= stops.end() - 1 && t > (s + 1)->at)
            ++s;
        const Stop& a = *s;
        const Stop& b = *(s + 1);
        const double f = std::clamp((t - a.at) / (b.at - a.at), 0.0, 1.0);
        auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
        table.push_back(qRgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)));
    }
    return table;
}

} // namespace

QList<ColourMap> colourMaps()
{
    return { ColourMap::Grey, ColourMap::Fire, ColourMap::Magma, ColourMap::Viridis };
}

QString colourMapName(ColourMap map)
{
    switch (map) {
    case ColourMap::Grey:
        return QCoreApplication::translate("ColourMap", "Grey");
    case ColourMap::Fire:
        return QCoreApplication::translate("ColourMap", "Fire");
    case ColourMap::Magma:
        return QCoreApplication::translate("ColourMap", "Magma");
    case ColourMap::Viridis:
        return QCoreApplication::translate("ColourMap", "Viridis");
    }
    return {};
}

QList<QRgb> colourTable(ColourMap map)
{
    switch (map) {
    case ColourMap::Grey:
        return interpolate({ { 0.0, 0, 0, 0 }, { 1.0, 255, 255, 255 } });
    case ColourMap::Fire:
        return interpolate({ { 0.0, 0, 0, 0 }, { 0.2, 90, 0, 150 }, { 0.4, 200, 0, 80 },
            { 0.6, 255, 80, 0 }, { 0.8, 255, 190, 0 }, { 1.0, 255, 255, 255 } });
    case ColourMap::Magma:
        return interpolate({ { 0.0, 0, 0, 4 }, { 0.125, 28, 16, 68 }, { 0.25, 79, 18, 123 },
            { 0.375, 129, 37, 129 }, { 0.5, 181, 54, 122 }, { 0.625, 229, 80, 100 },
            { 0.75, 251, 135, 97 }, { 0.875, 254, 194, 135 }, { 1.0, 252, 253, 191 } });
    case ColourMap::Viridis:
        return interpolate({ { 0.0, 68, 1, 84 }, { 0.125, 71, 44, 122 }, { 0.25, 59, 81, 139 },
            { 0.375, 44, 113, 142 }, { 0.5, 33, 144, 141 }, { 0.625, 39, 173, 129 },
            { 0.75, 92, 200, 99 }, { 0.875, 170, 220, 50 }, { 1.0, 253, 231, 37 } });
    }
    return {};
}

} // namespace latentlens::widgets
