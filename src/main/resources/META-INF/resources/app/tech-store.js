// The technician app's storage on the phone (IndexedDB): its reports, positions and routes, each kept under the
// technician's login, so a colleague signing in on the same phone never sees or sends them.
const NAME = 'tehai-tech';
let opened;

function db() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = () => {
      const d = request.result;
      d.createObjectStore('events', { keyPath: 'eventId' }).createIndex('owner', 'owner');
      d.createObjectStore('positions', { keyPath: 'id', autoIncrement: true }).createIndex('owner', 'owner');
      d.createObjectStore('routes', { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

/** One transaction on one store; resolves once it is committed, with the result of the request work returned. */
async function run(store, mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const put = (store, value) => run(store, 'readwrite', (s) => s.put(value));
export const putAll = (store, values) => run(store, 'readwrite', (s) => { values.forEach((v) => s.put(v)); });
export const removeAll = (store, keys) => run(store, 'readwrite', (s) => { keys.forEach((k) => s.delete(k)); });
export const get = (store, key) => run(store, 'readonly', (s) => s.get(key));
export const ofOwner = (store, owner) => run(store, 'readonly', (s) => s.index('owner').getAll(owner));
