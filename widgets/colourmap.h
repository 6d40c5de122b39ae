#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace latentlens::widgets {

/// Look-up tables for showing a float plane: grey, and three perceptual maps that
/// fluorescence users know (Fiji's "Fire", matplotlib's magma and viridis).
enum class ColourMap { Grey, Fire, Magma, Viridis };

/// All maps, in menu order.
QList<ColourMap> colourMaps();
/// The map's name as shown to the user (translated).
QString colourMapName(ColourMap map);
/// 256 entries from the lowest to the highest displayed value.
QList<QRgb> colourTable(ColourMap map);

} // namespace latentlens::widgets
