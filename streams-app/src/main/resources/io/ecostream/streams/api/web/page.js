// The live page: reads the query API every few seconds and the alert stream as it comes.
'use strict';

// HJ 633's categories with their official colours, as the API gives them (/api/aqi-categories).
let CATEGORIES = {};
const REFRESH_MS = 5000;

const ROLLING_POINTS = 96;

const citySelect = document.getElementById('city');
const yearSelect = document.getElementById('year');
const dailyChart = echarts.init(document.getElementById('daily-chart'));
const rollingChart = echarts.init(document.getElementById('rolling-chart'));
let cities = [];
let rolling = [];

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** The API's answer, or null when it has none (404); other errors go up. */
async function optional(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error.status === 404) {
      return null;
    }
    throw error;
  }
}

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function fixed(value, decimals) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(decimals);
}

/** A year-on-year change; lower is better for every figure but the good-day ratio. */
function change(id, value, unit, decimals, higherIsBetter) {
  const element = document.getElementById(id);
  if (value === null || value === undefined) {
    element.textContent = 'no figure last year';
    element.className = 'change';
    return;
  }
  const sign = value > 0 ? '+' : '';
  element.textContent = `${sign}${Number(value).toFixed(decimals)}${unit} on last year`;
  const better = higherIsBetter ? value > 0 : value < 0;
  element.className = 'change ' + (value === 0 ? '' : better ? 'better' : 'worse');
}

function capitalized(name) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function selectedCity() {
  return cities.find((city) => city.cityId === citySelect.value);
}

async function loadCities() {
  cities = await api('/api/cities');
  const wanted = new URLSearchParams(location.search).get('city') || citySelect.value;
  citySelect.replaceChildren(
    ...cities.map((city) => new Option(city.province ? `${city.cityId} (${city.province})` : city.cityId, city.cityId)));
  if (cities.some((city) => city.cityId === wanted)) {
    citySelect.value = wanted;
  }
}

async function loadYears(days) {
  const years = [...new Set(days.map((day) => day.date.substring(0, 4)))].sort().reverse();
  const current = yearSelect.value;
  if (years.join() !== [...yearSelect.options].map((option) => option.value).join()) {
    yearSelect.replaceChildren(...years.map((year) => new Option(year, year)));
    yearSelect.value = years.includes(current) ? current : years[0] || '';
  }
}

function showPeriod(period) {
  text('ytd-span', period ? `${period.from} to ${period.to}` : 'no day yet');
  text('ytd-pm25', fixed(period?.pm25, 0));
  text('ytd-goodRatio', fixed(period?.goodRatio, 1));
  text('ytd-compositeIndex', fixed(period?.compositeIndex, 2));
  text('ytd-heavyDays', fixed(period?.heavyDays, 0));
  change('ytd-pm25-change', period?.pm25Change, ' %', 1, false);
  change('ytd-goodRatio-change', period?.goodRatioChangePoints, ' points', 1, true);
  change('ytd-compositeIndex-change', period?.compositeIndexChange, ' %', 1, false);
  change('ytd-heavyDays-change', period?.heavyDaysChange, ' days', 0, false);
}

function showNow(now) {
  const card = document.getElementById('now-card');
  const category = now && CATEGORIES[now.category];
  text('now-hour', now ? `${now.localDate} ${String(now.localHour).padStart(2, '0')}:00` : 'no hour yet');
  text('now-aqi', fixed(now?.aqi, 0));
  text('now-category', category ? capitalized(category.englishName) : '–');
  document.getElementById('now-category').title = category ? category.chineseName : '';
  text('now-pm25', fixed(now?.pm25Moving24h, 0));
  text('now-primary', now?.primaryPollutants?.length ? `primary: ${now.primaryPollutants.join(', ')}` : '');
  text('now-stations', now ? String(now.stationsReporting) : '–');
  text('now-edition', now ? `AQI edition ${now.edition}` : '');
  card.style.background = category ? category.colour : '';
  // White on the dark colours of levels 4 to 6, black on the light ones.
  card.style.color = category ? (category.level >= 4 ? '#fff' : '#000') : '';
  card.dataset.category = now?.category || '';
  if (now && now.pm25Moving24h !== null) {
    const label = `${now.localDate} ${String(now.localHour).padStart(2, '0')}:00`;
    if (rolling.length === 0 || rolling[rolling.length - 1][0] !== label) {
      rolling.push([label, now.pm25Moving24h]);
      rolling = rolling.slice(-ROLLING_POINTS);
    } else {
      rolling[rolling.length - 1][1] = now.pm25Moving24h;
    }
    rollingChart.setOption({
      grid: { left: 40, right: 10, top: 10, bottom: 40 },
      xAxis: { type: 'category', data: rolling.map((point) => point[0]) },
      yAxis: { type: 'value', min: 0 },
      series: [{ type: 'line', data: rolling.map((point) => point[1]), smooth: false, showSymbol: rolling.length < 30 }],
      tooltip: { trigger: 'axis' },
    });
  }
}

function showDays(days, year) {
  const shown = days.filter((day) => day.date.startsWith(year));
  dailyChart.setOption({
    grid: { left: 40, right: 10, top: 10, bottom: 40 },
    xAxis: { type: 'category', data: shown.map((day) => day.date) },
    yAxis: { type: 'value', min: 0 },
    tooltip: { trigger: 'axis' },
    series: [{
      type: 'bar',
      data: shown.map((day) => ({
        value: day.pm25,
        itemStyle: { color: CATEGORIES[day.category]?.colour || '#c0c8d0' },
      })),
    }],
  });
}

function showRanking(ranking, province, year) {
  text('ranking-title', province ? `${province}, ${year}` : 'the city has no province yet');
  const rows = (ranking?.byCompositeIndex || []).map((entry) => {
    const row = document.createElement('tr');
    row.className = entry.cityId === citySelect.value ? 'selected' : '';
    for (const cell of [entry.rank ?? '–', entry.cityId, fixed(entry.value, 2)]) {
      const td = document.createElement('td');
      td.textContent = cell;
      row.append(td);
    }
    return row;
  });
  document.querySelector('#ranking tbody').replaceChildren(...rows);
}

function showWater(water, year) {
  text('water-title', year);
  document.getElementById('water-none').hidden = water !== null;
  document.getElementById('water-figures').hidden = water === null;
  if (water) {
    text('water-goodShare', fixed(water.goodShare, 1));
    text('water-goodShare-change', fixed(water.goodShareChangePoints, 1));
    text('water-cwqi', fixed(water.cwqi, 4));
    text('water-sections', String(water.sections));
  }
}

async function refresh() {
  const city = selectedCity();
  if (!city) {
    return;
  }
  const id = encodeURIComponent(city.cityId);
  const daily = await api(`/api/cities/${id}/daily`);
  await loadYears(daily.days);
  const year = yearSelect.value;
  showDays(daily.days, year);
  showPeriod(year ? await optional(`/api/cities/${id}/periods/${year}`) : null);
  showNow(await optional(`/api/cities/${id}/now`));
  showRanking(
    city.province && year ? await optional(`/api/rankings/${encodeURIComponent(city.province)}/${year}`) : null,
    city.province, year);
  showWater(year ? await optional(`/api/water/cities/${id}/periods/${year}`) : null, year);
}

function alertItem(alert, isNew) {
  const item = document.createElement('li');
  item.dataset.alertId = alert.alertId;
  item.className = isNew ? 'new' : '';
  const tag = document.createElement('span');
  tag.className = 'status-tag';
  tag.textContent = alert.status;
  const where = alert.stationId ? `${alert.cityId} / ${alert.stationId}` : alert.cityId;
  item.append(tag, ` ${alert.type} ${where} ${alert.date ?? ''}: ${alert.message}`);
  return item;
}

function showAlert(alert, isNew) {
  const list = document.getElementById('alerts');
  list.querySelector(`li[data-alert-id="${CSS.escape(alert.alertId)}"]`)?.remove();
  list.prepend(alertItem(alert, isNew));
  while (list.children.length > 200) {
    list.lastElementChild.remove();
  }
}

async function loadAlerts() {
  const alerts = await api('/api/alerts?limit=50');
  document.getElementById('alerts').replaceChildren();
  alerts.forEach((alert) => showAlert(alert, false));
  const stream = new EventSource('/api/alerts/stream');
  stream.addEventListener('alert', (event) => showAlert(JSON.parse(event.data), true));
}

async function loadCategories() {
  if (Object.keys(CATEGORIES).length === 0) {
    const categories = await api('/api/aqi-categories');
    CATEGORIES = Object.fromEntries(categories.map((category) => [category.category, category]));
  }
}

async function cycle() {
  const status = document.getElementById('status');
  try {
    await loadCategories();
    await loadCities();
    await refresh();
    status.textContent = `updated ${new Date().toLocaleTimeString()}`;
    status.dataset.state = 'ok';
  } catch (error) {
    status.textContent = `${error.message}; retrying`;
    status.dataset.state = 'retrying';
  }
}

async function start() {
  citySelect.addEventListener('change', () => { rolling = []; cycle(); });
  yearSelect.addEventListener('change', cycle);
  window.addEventListener('resize', () => { dailyChart.resize(); rollingChart.resize(); });
  await cycle();
  setInterval(cycle, REFRESH_MS);
  for (;;) {
    try {
      await loadAlerts();
      return;
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
    }
  }
}

start();
