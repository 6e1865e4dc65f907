import { app } from 'electron';
console.log('placeholder main', app.getName());
