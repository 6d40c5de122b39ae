#include "app/gui/resultexporter.h"

#include "app/gui/comparisonrunner.h"

#include "engine/core/provenance.h"
#include "engine/io/imageio.h"
#include "engine/io/tiffio.h"
#include "widgets/comparisongrid.h"

#include <QImage>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace latentlens::app {

ResultExporter::ResultExporter(const ComparisonRunner* runner, const widgets::ComparisonGrid* grid,
    QString inputKey, QString truthKey)
    : mRunner(runner), mGrid(grid), mInputKey(std::move(inputKey)), mTruthKey(std::move(truthKey))
{ }

int ResultExporter::writeComparison(const QString& path, const Comparison& c)
{
    std::vector<std::pair<QString, const engine::Image*>> planes;
    const engine::Image input = c.image->extractPlane(std::size_t(c.plane));
    planes.push_back({ mInputKey, &input });
    for (const QString& key : ComparisonRunner::methodKeys())
        if (const MethodResult* r = mRunner->result(key))
            planes.push_back({ key, &r->image });
    if (c.truth)
        planes.push_back({ mTruthKey, c.truth });
    engine::Image stack(input.width(), input.height(), 1, planes.size());
    std::vector<std::string> names;
    engine::Provenance provenance;
    provenance.operation = "studio comparison";
    if (!c.file.isEmpty())
        provenance.inputs.push_back(c.file.toStdString());
    provenance.parent = c.image->provenance();
    provenance.parameters.emplace_back("plane", std::to_string(c.plane + 1));
    provenance.parameters.emplace_back("defocus_um", QString::number(c.defocusUm).toStdString());
    if (c.probe.source == ProbeSettings::Source::Imported)
        provenance.parameters.emplace_back("probe_file", c.probe.importedPath.toStdString());
    else
        provenance.parameters.emplace_back("probe",
            QStringLiteral("zone plate %1 keV, NA %2, stop %3, %4 nm pixels")
                .arg(c.probe.optics.energyKeV)
                .arg(c.probe.optics.numericalAperture)
                .arg(c.probe.optics.centralStop)
                .arg(c.probe.optics.pixelSize * 1e9)
                .toStdString());
    for (const auto& [key, plane] : planes)
        if (plane->width() != input.width() || plane->height() != input.height()
            || plane->planeCount() != 1) {
            mError = tr("%1 was not written: the %2 panel holds %3 \u00d7 %4 pixels, the "
                        "image %5 \u00d7 %6.")
                         .arg(path, key)
                         .arg(plane->width())
                         .arg(plane->height())
                         .arg(input.width())
                         .arg(input.height());
            return 0;
        }
    for (std::size_t i = 0; i < planes.size(); ++i) {
        const auto& [key, plane] = planes[i];
        std::copy(plane->values().begin(), plane->values().end(), stack.plane(i).begin());
        names.push_back(key.toStdString());
        if (const MethodResult* r = mRunner->result(key))
            provenance.parameters.emplace_back(key.toStdString(),
                QStringLiteral("%1; %2 s").arg(r->parameters).arg(r->seconds).toStdString());
    }
    stack.setChannelNames(names);
    stack.setSpacing(c.image->spacing());
    // In the input's own scale: raw counts for integer data, as the CLI writes them.
    stack.setIntensityScale(c.image->intensityScale());
    stack.setProvenance(provenance.toJson());
    engine::TiffWriteOptions options;
    if (engine::isOmeTiffName(path.toStdString()))
        options.format = engine::TiffWriteOptions::Format::OmeTiff;
    try {
        engine::writeImage(stack, path.toStdString(), options);
    } catch (const std::exception& e) {
        mError = tr("%1 could not be written: %2").arg(path, QString::fromUtf8(e.what()));
        return 0;
    }
    return int(planes.size());
}

QString ResultExporter::omeTiffPath(const QString& path)
{
    if (engine::isOmeTiffName(path.toStdString()))
        return path;
    for (const QString& suffix : { QStringLiteral(".tiff"), QStringLiteral(".tif") })
        if (path.endsWith(suffix, Qt::CaseInsensitive))
            return path.left(path.size() - suffix.size()) + ".ome" + suffix;
    return path + ".ome.tif";
}

QString ResultExporter::writeFailure(const QFileDevice& file)
{
    // A short write leaves no error code behind: the disk (or the user's file-size limit).
    return file.error() != QFileDevice::NoError
        ? file.errorString()
        : tr("the disk is full, or the file is larger than this account may write");
}

bool ResultExporter::writeGrid(const QString& path)
{
    const QImage picture = mGrid->renderGrid();
    QSaveFile file(path);
    if (picture.isNull()) {
        mError = tr("%1 could not be written.").arg(path);
        return false;
    }
    // QSaveFile: on failure the older file stays and the temporary one is removed. Unbuffered,
    // so that a short write (a full disk) reaches the PNG writer, which then fails.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        mError = tr("%1 could not be written: %2").arg(path, file.errorString());
        return false;
    }
    if (!picture.save(&file, "PNG") || !file.commit()) {
        mError = tr("%1 could not be written: %2").arg(path, writeFailure(file));
        return false;
    }
    return true;
}

bool ResultExporter::writeMetrics(const QString& path)
{
    QString text;
    QTextStream out(&text);
    auto quoted = [](QString s) { return '"' + s.replace('"', "\"\"") + '"'; };
    out << "method,defocus_um,parameters,seconds,psnr_db,ssim\n";
    for (const QString& key : ComparisonRunner::methodKeys()) {
        const MethodResult* r = mRunner->result(key);
        if (!r)
            continue;
        out << key << ',' << r->defocus * 1e6 << ',' << quoted(r->parameters) << ',' << r->seconds
            << ',' << (std::isfinite(r->psnr) ? QString::number(r->psnr) : "") << ','
            << (std::isfinite(r->ssim) ? QString::number(r->ssim) : "") << '\n';
    }
    out.flush();
    // One unbuffered write whose count is checked: Qt 6.4's QSaveFile commits a file cut short
    // by a full disk, so a short write must be caught here (the older file then stays).
    const QByteArray bytes = text.toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        mError = tr("%1 could not be written: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        mError = tr("%1 could not be written: %2").arg(path, writeFailure(file));
        return false;
    }
    return true;
}

} // namespace latentlens::app
