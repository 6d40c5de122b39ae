#include "widgets/comparisongrid.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace latentlens::widgets {

namespace {

int columnsFor(qsizetype panels)
{
    return std::max(1, int(std::ceil(std::sqrt(double(panels)))));
}

} // namespace

ComparisonGrid::ComparisonGrid(QWidget* parent) : QWidget(parent)
{
    auto* bar = new QHBoxLayout;
    mPanelsButton = new QToolButton(this);
    mPanelsButton->setText(tr("Panels"));
    mPanelsButton->setToolTip(tr("Choose the methods shown"));
    mPanelsButton->setPopupMode(QToolButton::InstantPopup);
    mPanelsButton->setMenu(new QMenu(mPanelsButton));
    bar->addWidget(mPanelsButton);

    bar->addWidget(new QLabel(tr("Contrast"), this));
    mContrastBox = new QComboBox(this);
    mContrastBox->setObjectName("contrastBox");
    mContrastBox->addItem(tr("Auto, each panel"), int(Contrast::AutoEach));
    mContrastBox->addItem(tr("Auto, like the input"), int(Contrast::LikeFirst));
    mContrastBox->addItem(tr("Manual"), int(Contrast::Manual));
    mContrastBox->setToolTip(tr("Auto: 0.1 and 99.9 percentiles shown as black and white"));
    bar->addWidget(mContrastBox);
    mLowBox = new QDoubleSpinBox(this);
    mHighBox = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* box : { mLowBox, mHighBox }) {
        box->setRange(-1e9, 1e9);
        box->setDecimals(4);
        box->setSingleStep(0.01);
        box->setEnabled(false);
        bar->addWidget(box);
    }
    mLowBox->setToolTip(tr("Value shown as the darkest colour"));
    mHighBox->setToolTip(tr("Value shown as the brightest colour"));
    mHighBox->setValue(1.0);
    bar->addWidget(new QLabel(tr("Colours"), this));
    mColourBox = new QComboBox(this);
    mColourBox->setObjectName("colourBox");
    mColourBox->setToolTip(tr("Colour map of every panel"));
    for (ColourMap map : colourMaps())
        mColourBox->addItem(colourMapName(map), int(map));
    bar->addWidget(mColourBox);
    bar->addStretch(1);
    auto* hint
        = new QLabel(tr("Wheel: zoom \u00b7 drag: pan \u00b7 Shift+drag: line profile"), this);
    hint->setEnabled(false);
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // gives way to the panels
    bar->addWidget(hint);

    connect(mContrastBox, &QComboBox::currentIndexChanged, this,
        [this](int) { setContrast(Contrast(mContrastBox->currentData().toInt())); });
    connect(mColourBox, &QComboBox::currentIndexChanged, this,
        [this](int) { setColourMap(ColourMap(mColourBox->currentData().toInt())); });
    auto manual = [this] {
        mManualLow = mLowBox->value();
        mManualHigh = mHighBox->value();
        if (mContrast == Contrast::Manual)
            applyContrast();
    };
    connect(mLowBox, &QDoubleSpinBox::valueChanged, this, manual);
    connect(mHighBox, &QDoubleSpinBox::valueChanged, this, manual);

    mGrid = new QGridLayout;
    mGrid->setSpacing(4);
    mPixelLabel = new QLabel(this);
    mPixelLabel->setObjectName("pixelLabel");
    mPixelLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addLayout(mGrid, 1);
    layout->addWidget(mPixelLabel);
}

void ComparisonGrid::addPanel(const QString& key, const QString& title)
{
    if (mPanels.contains(key))
        return;
    Panel panel;
    panel.titleText = title;
    panel.frame = new QWidget(this);
    panel.frame->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    panel.title = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), panel.frame);
    panel.caption = new QLabel(panel.frame);
    panel.caption->setWordWrap(true);
    panel.caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    panel.progress = new QProgressBar(panel.frame);
    panel.progress->setRange(0, 100);
    panel.progress->setMaximumHeight(10);
    panel.progress->setTextVisible(false);
    panel.progress->hide();
    panel.view = new ImageView(panel.frame);
    panel.view->setObjectName(key);
    panel.view->setColourMap(mColourMap);
    auto* layout = new QVBoxLayout(panel.frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(panel.title);
    layout->addWidget(panel.caption);
    layout->addWidget(panel.progress);
    layout->addWidget(panel.view, 1);

    ImageView* view = panel.view;
    connect(view, &ImageView::viewChanged, this,
        [this, view](const ImageView::ViewState& state) { followView(view, state); });
    connect(view, &ImageView::pixelHovered, this, [this](int x, int y, float) { showPixel(x, y); });
    connect(view, &ImageView::pixelLeft, this, &ComparisonGrid::clearPixel);
    connect(view, &ImageView::lineDrawn, this, &ComparisonGrid::setProfileLine);

    QAction* action = mPanelsButton->menu()->addAction(title);
    action->setCheckable(true);
    action->setChecked(true);
    action->setData(key);
    connect(action, &QAction::toggled, this, [this, key](bool on) { setPanelShown(key, on); });

    mPanels.insert(key, panel);
    mOrder.push_back(key);
    relayout();
}

void ComparisonGrid::setPanelTitle(const QString& key, const QString& title)
{
    if (!mPanels.contains(key))
        return;
    mPanels[key].titleText = title;
    mPanels[key].title->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    for (QAction* action : mPanelsButton->menu()->actions())
        if (action->data().toString() == key)
            action->setText(title);
}

QString ComparisonGrid::panelTitle(const QString& key) const
{
    return mPanels.contains(key) ? mPanels[key].titleText : QString();
}

void ComparisonGrid::setPanelImage(
    const QString& key, int width, int height, std::vector<float> values)
{
    if (!mPanels.contains(key))
        return;
    Panel& panel = mPanels[key];
    const bool firstImage = !std::any_of(
        mPanels.begin(), mPanels.end(), [](const Panel& p) { return p.view->hasImage(); });
    panel.width = width;
    panel.height = height;
    panel.values = values;
    const auto state = firstImage ? ImageView::ViewState {} : [this, &key] {
        for (const QString& other : mOrder)
            if (other != key && mPanels[other].view->hasImage())
                return mPanels[other].view->viewState();
        return ImageView::ViewState {};
    }();
    panel.view->setImage(width, height, std::move(values));
    panel.view->setViewState(state);
    panel.progress->hide();
    // Only this panel's range changes (setImage chose its percentiles), unless it is the
    // reference of "like the input".
    if (mContrast == Contrast::Manual)
        panel.view->setDisplayRange(float(mManualLow), float(mManualHigh));
    else if (mContrast == Contrast::LikeFirst)
        applyContrast();
    if (!mLine.isNull())
        emit profileLineChanged(mLine); // the plotted profile changes with the image
}

void ComparisonGrid::clearPanel(const QString& key, const QString& message)
{
    if (!mPanels.contains(key))
        return;
    Panel& panel = mPanels[key];
    panel.values.clear();
    panel.width = panel.height = 0;
    panel.view->clear();
    panel.view->setPlaceholderText(message);
    panel.progress->hide();
}

void ComparisonGrid::setPanelCaption(const QString& key, const QString& caption)
{
    if (mPanels.contains(key))
        mPanels[key].caption->setText(caption);
}

QString ComparisonGrid::panelCaption(const QString& key) const
{
    return mPanels.contains(key) ? mPanels[key].caption->text() : QString();
}

void ComparisonGrid::setPanelProgress(const QString& key, int percent)
{
    if (!mPanels.contains(key))
        return;
    QProgressBar* bar = mPanels[key].progress;
    if (percent < 0) {
        bar->hide();
        return;
    }
    bar->setValue(std::clamp(percent, 0, 100));
    bar->show();
}

int ComparisonGrid::panelProgress(const QString& key) const
{
    if (!mPanels.contains(key) || mPanels[key].progress->isHidden())
        return -1;
    return mPanels[key].progress->value();
}

void ComparisonGrid::setPanelShown(const QString& key, bool shown)
{
    if (!mPanels.contains(key) || mPanels[key].shown == shown)
        return;
    mPanels[key].shown = shown;
    for (QAction* action : mPanelsButton->menu()->actions())
        if (action->data().toString() == key) {
            const QSignalBlocker blocker(action);
            action->setChecked(shown);
        }
    relayout();
    emit shownPanelsChanged(shownPanels());
}

bool ComparisonGrid::panelShown(const QString& key) const
{
    return mPanels.contains(key) && mPanels[key].shown;
}

QStringList ComparisonGrid::shownPanels() const
{
    QStringList keys;
    for (const QString& key : mOrder)
        if (mPanels[key].shown)
            keys.push_back(key);
    return keys;
}

ImageView* ComparisonGrid::view(const QString& key) const
{
    return mPanels.contains(key) ? mPanels[key].view : nullptr;
}

void ComparisonGrid::relayout()
{
    for (const Panel& panel : mPanels)
        mGrid->removeWidget(panel.frame);
    const QStringList shown = shownPanels();
    const int columns = columnsFor(shown.size());
    for (int i = 0; i < shown.size(); ++i)
        mGrid->addWidget(mPanels[shown[i]].frame, i / columns, i % columns);
    // Equal cells whatever the captions' lengths; cells of a former, larger layout get none.
    const int rows = int((shown.size() + columns - 1) / columns);
    for (int c = 0; c < std::max(columns, mGrid->columnCount()); ++c)
        mGrid->setColumnStretch(c, c < columns ? 1 : 0);
    for (int r = 0; r < std::max(rows, mGrid->rowCount()); ++r)
        mGrid->setRowStretch(r, r < rows ? 1 : 0);
    for (const Panel& panel : mPanels)
        panel.frame->setVisible(panel.shown);
}

void ComparisonGrid::setContrast(Contrast mode)
{
    mContrast = mode;
    {
        const QSignalBlocker blocker(mContrastBox);
        mContrastBox->setCurrentIndex(mContrastBox->findData(int(mode)));
    }
    mLowBox->setEnabled(mode == Contrast::Manual);
    mHighBox->setEnabled(mode == Contrast::Manual);
    if (mode == Contrast::Manual && !mOrder.isEmpty()) {
        // Start from what the first panel shows now.
        const ImageView* first = mPanels[mOrder.front()].view;
        if (first->hasImage()) {
            const QSignalBlocker a(mLowBox), b(mHighBox);
            mLowBox->setValue(first->displayLow());
            mHighBox->setValue(first->displayHigh());
            mManualLow = first->displayLow();
            mManualHigh = first->displayHigh();
        }
    }
    applyContrast();
}

void ComparisonGrid::setManualRange(double low, double high)
{
    const QSignalBlocker a(mLowBox), b(mHighBox);
    mLowBox->setValue(low);
    mHighBox->setValue(high);
    mManualLow = low;
    mManualHigh = high;
    if (mContrast == Contrast::Manual)
        applyContrast();
}

void ComparisonGrid::applyContrast()
{
    if (mOrder.isEmpty())
        return;
    ImageView* first = mPanels[mOrder.front()].view;
    if (first->hasImage())
        first->autoContrast();
    for (const QString& key : mOrder) {
        ImageView* view = mPanels[key].view;
        if (!view->hasImage())
            continue;
        switch (mContrast) {
        case Contrast::AutoEach:
            view->autoContrast();
            break;
        case Contrast::LikeFirst:
            if (first->hasImage())
                view->setDisplayRange(first->displayLow(), first->displayHigh());
            break;
        case Contrast::Manual:
            view->setDisplayRange(float(mManualLow), float(mManualHigh));
            break;
        }
    }
}

void ComparisonGrid::setColourMap(ColourMap map)
{
    mColourMap = map;
    {
        const QSignalBlocker blocker(mColourBox);
        mColourBox->setCurrentIndex(mColourBox->findData(int(map)));
    }
    for (const Panel& panel : mPanels)
        panel.view->setColourMap(map);
}

void ComparisonGrid::followView(ImageView* source, const ImageView::ViewState& state)
{
    if (mFollowing)
        return;
    mFollowing = true;
    for (const Panel& panel : mPanels)
        if (panel.view != source)
            panel.view->setViewState(state);
    mFollowing = false;
}

void ComparisonGrid::setProfileLine(const QLineF& line)
{
    mLine = line;
    for (const Panel& panel : mPanels)
        panel.view->setProfileLine(line);
    emit profileLineChanged(line);
}

std::vector<float> ComparisonGrid::sampleLine(
    const std::vector<float>& values, int width, int height, const QLineF& line)
{
    std::vector<float> samples;
    if (line.isNull() || width <= 0 || height <= 0
        || values.size() != std::size_t(width) * std::size_t(height))
        return samples;
    const int count = std::max(2, int(std::ceil(line.length())) + 1);
    samples.reserve(std::size_t(count));
    auto at = [&](int x, int y) {
        x = std::clamp(x, 0, width - 1);
        y = std::clamp(y, 0, height - 1);
        return values[std::size_t(y) * std::size_t(width) + std::size_t(x)];
    };
    for (int i = 0; i < count; ++i) {
        const QPointF p = line.pointAt(double(i) / double(count - 1));
        const double fx = std::floor(p.x()), fy = std::floor(p.y());
        const double tx = p.x() - fx, ty = p.y() - fy;
        const int x = int(fx), y = int(fy);
        const double v = (1 - ty) * ((1 - tx) * at(x, y) + tx * at(x + 1, y))
            + ty * ((1 - tx) * at(x, y + 1) + tx * at(x + 1, y + 1));
        samples.push_back(float(v));
    }
    return samples;
}

std::vector<float> ComparisonGrid::profile(const QString& key) const
{
    if (!mPanels.contains(key))
        return {};
    const Panel& panel = mPanels[key];
    return sampleLine(panel.values, panel.width, panel.height, mLine);
}

void ComparisonGrid::showPixel(int x, int y)
{
    QStringList parts;
    for (const QString& key : mOrder) {
        const Panel& panel = mPanels[key];
        panel.view->setMarker(QPoint(x, y));
        if (!panel.shown || !panel.view->hasImage())
            continue;
        parts.push_back(QStringLiteral("%1 %2").arg(
            panelTitle(key), QString::number(double(panel.view->valueAt(x, y)), 'g', 5)));
    }
    mPixelLabel->setText(
        tr("x %1, y %2: %3").arg(x).arg(y).arg(parts.join(QStringLiteral(" \u00b7 "))));
}

void ComparisonGrid::clearPixel()
{
    for (const Panel& panel : mPanels)
        panel.view->setMarker(std::nullopt);
    mPixelLabel->clear();
}

QRect ComparisonGrid::visibleRegion() const
{
    for (const QString& key : mOrder) {
        const Panel& panel = mPanels[key];
        if (!panel.shown || !panel.view->hasImage())
            continue;
        const QRectF shown = panel.view->visibleImageRect();
        const QRect pixels(QPoint(int(std::floor(shown.left())), int(std::floor(shown.top()))),
            QPoint(int(std::ceil(shown.right())) - 1, int(std::ceil(shown.bottom())) - 1));
        return pixels.intersected(QRect(0, 0, panel.width, panel.height));
    }
    return {};
}

QString ComparisonGrid::pixelText() const
{
    return mPixelLabel->text();
}

QImage ComparisonGrid::renderGrid() const
{
    const QStringList shown = shownPanels();
    if (shown.isEmpty())
        return {};
    int tileW = 64, tileH = 64;
    for (const QString& key : shown) {
        tileW = std::max(tileW, mPanels[key].width);
        tileH = std::max(tileH, mPanels[key].height);
    }
    tileW = std::max(tileW, 240);
    constexpr int band = 44, gap = 6;
    const int columns = columnsFor(shown.size());
    const int rows = int((shown.size() + columns - 1) / columns);
    QImage out(
        columns * (tileW + gap) + gap, rows * (tileH + band + gap) + gap, QImage::Format_RGB32);
    out.fill(QColor(32, 32, 32));
    QPainter painter(&out);
    QFont font = painter.font();
    for (int i = 0; i < shown.size(); ++i) {
        const Panel& panel = mPanels[shown[i]];
        const int x0 = gap + (i % columns) * (tileW + gap);
        const int y0 = gap + (i / columns) * (tileH + band + gap);
        painter.setPen(Qt::white);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(
            QRect(x0, y0, tileW, 18), Qt::AlignLeft | Qt::AlignVCenter, panelTitle(shown[i]));
        font.setBold(false);
        painter.setFont(font);
        painter.drawText(QRect(x0, y0 + 18, tileW, band - 18),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, panel.caption->text());
        const QImage picture = panel.view->renderedImage();
        if (!picture.isNull())
            painter.drawImage(QPoint(x0, y0 + band), picture);
        else
            painter.drawText(QRect(x0, y0 + band, tileW, tileH), Qt::AlignCenter | Qt::TextWordWrap,
                panel.view->placeholderText());
    }
    return out;
}

} // namespace latentlens::widgets
