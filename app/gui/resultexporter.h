#pragma once

#include "app/gui/probepanel.h"

#include "engine/core/image.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QString>

#include <optional>

namespace latentlens::widgets {
class ComparisonGrid;
} // namespace latentlens::widgets

namespace latentlens::app {

class ComparisonRunner;

/// Writes what the studio shows: the comparison as one float32 TIFF stack with provenance
/// (an ImageJ hyperstack, or OME-TIFF for a name ending in .ome.tif), the grid as a PNG, the
/// metrics as CSV. Every file is written atomically; a failed write
/// returns false (0) and errorString() says why.
class ResultExporter
{
    Q_DECLARE_TR_FUNCTIONS(ResultExporter)

public:
    /// What is compared: the current plane of an image, its ground truth when known, the
    /// probe and defocus the methods ran with.
    struct Comparison
    {
        const engine::Image* image = nullptr;
        int plane = 0;
        const engine::Image* truth = nullptr;
        QString file; ///< the input's path, empty for the demo
        ProbeSettings probe;
        double defocusUm = 0.0;
    };

    /// Panel keys of the input and the ground truth in the exported stack's channel names.
    ResultExporter(const ComparisonRunner* runner, const widgets::ComparisonGrid* grid,
        QString inputKey, QString truthKey);

    /// The input plane, every method's result and the ground truth, one named channel each,
    /// with a provenance record of every method's parameters, as OME-TIFF when `path` ends in
    /// .ome.tif or .ome.tiff. Returns the channels written.
    int writeComparison(const QString& path, const Comparison& comparison);
    /// `path` named as an OME-TIFF: "a.tif" becomes "a.ome.tif", "a" becomes "a.ome.tif".
    static QString omeTiffPath(const QString& path);
    /// The shown panels, titled, as one PNG.
    bool writeGrid(const QString& path);
    /// Method, defocus, parameters, seconds, PSNR and SSIM per method.
    bool writeMetrics(const QString& path);

    QString errorString() const { return mError; }

private:
    /// Why a write through `file` failed, in words.
    static QString writeFailure(const QFileDevice& file);

    const ComparisonRunner* mRunner;
    const widgets::ComparisonGrid* mGrid;
    QString mInputKey, mTruthKey, mError;
};

} // namespace latentlens::app
